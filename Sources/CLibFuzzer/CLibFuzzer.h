// libFuzzer's driver (LLVM 11 and later), for gazette-fuzz built with -DFUZZING: SwiftPM names an
// executable's Swift entry point `main` at link time, which replaces libFuzzer's own main, so
// gazette-fuzz starts the fuzzing loop itself.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
