#ifndef CLEAN_FUZZ_DRIVER_H
#define CLEAN_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry for programs that have their own main (SwiftPM renames an executable's
// main to <module>_main, so the targets call the driver themselves).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
