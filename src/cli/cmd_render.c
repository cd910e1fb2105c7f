/* cmd_render.c - `kgbuild render`: provisional until the drawing module lands. */
#include "config.h"
#include "cli/cli.h"
int kgc_cmd_render(int argc, char **argv) {
  (void)argc; (void)argv;
  kgc_error("render: not available in this build yet");
  return KGC_EXIT_USAGE;
}
