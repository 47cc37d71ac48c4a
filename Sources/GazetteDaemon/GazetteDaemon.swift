// GazetteDaemon module.
