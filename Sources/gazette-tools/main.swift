print("gazette-tools")
