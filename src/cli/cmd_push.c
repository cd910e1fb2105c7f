/* cmd_push.c - `kgbuild push`: provisional until the push module lands. */
#include "config.h"
#include "cli/cli.h"
int kgc_cmd_push(int argc, char **argv) { (void)argc; (void)argv; kgc_error("push: not available in this build yet"); return KGC_EXIT_USAGE; }
