/* cmd_store.c - `kgbuild load|query|stats`: provisional until the store module lands. */
#include "config.h"
#include "cli/cli.h"
int kgc_cmd_load(int argc, char **argv) { (void)argc; (void)argv; kgc_error("load: not available in this build yet"); return KGC_EXIT_USAGE; }
int kgc_cmd_query(int argc, char **argv) { (void)argc; (void)argv; kgc_error("query: not available in this build yet"); return KGC_EXIT_USAGE; }
int kgc_cmd_stats(int argc, char **argv) { (void)argc; (void)argv; kgc_error("stats: not available in this build yet"); return KGC_EXIT_USAGE; }
