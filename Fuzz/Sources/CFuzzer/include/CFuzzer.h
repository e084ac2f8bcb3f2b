// libFuzzer's entry for a program with its own main (SwiftPM names every executable's entry point
// <module>_main, so the fuzz targets start libFuzzer from there).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
