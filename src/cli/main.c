/* main.c - the kgbuild command: picks the subcommand; `extract` is the default. */
#include "config.h"

#include <string.h>

#include "cli/cli.h"

static const struct {
  const char *name;
  int (*run)(int argc, char **argv);
} kgc_commands[] = {
    {"extract", kgc_cmd_extract}, {"render", kgc_cmd_render}, {"load", kgc_cmd_load},
    {"query", kgc_cmd_query},     {"stats", kgc_cmd_stats},   {"push", kgc_cmd_push},
};

int main(int argc, char **argv) {
  if (argc > 1) {
    for (size_t i = 0; i < sizeof kgc_commands / sizeof kgc_commands[0]; i++)
      if (strcmp(argv[1], kgc_commands[i].name) == 0)
        return kgc_commands[i].run(argc - 1, argv + 1);
  }
  return kgc_cmd_extract(argc, argv);
}
