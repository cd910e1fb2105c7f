/*
 * dynload.c - loading a third-party library on first use (dlopen), for the libraries
 * only some commands need: mapping and relocating them at start-up cost every run of
 * kgbuild, most of which never draw a picture or open a store.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

int kgi_dl_load(const char *sonames, const char *const *names, void **out, size_t n,
                char *why, size_t whylen) {
  void *handles[8];
  size_t nh = 0;
  const char *p = sonames ? sonames : "";
  while (*p) {
    while (*p == ' ')
      p++;
    size_t len = strcspn(p, " ");
    if (len == 0)
      break;
    char name[256];
    if (len >= sizeof name || nh == sizeof handles / sizeof *handles) {
      snprintf(why, whylen, "too many or too long library names in '%s'", sonames);
      return -1;
    }
    memcpy(name, p, len);
    name[len] = '\0';
    p += len;
    /* global, as when linked: the libraries' own plugins find their symbols. Never
       closed: what they hand out (contexts, worlds) lives as long as the process. */
    if (!(handles[nh] = dlopen(name, RTLD_LAZY | RTLD_GLOBAL))) {
      const char *e = dlerror();
      snprintf(why, whylen, "%s", e ? e : name);
      return -1;
    }
    nh++;
  }
  for (size_t i = 0; i < n; i++) {
    out[i] = NULL;
    for (size_t h = 0; h < nh && !out[i]; h++)
      out[i] = dlsym(handles[h], names[i]);
    if (!out[i]) {
      snprintf(why, whylen, "%s: no symbol %s", sonames, names[i]);
      return -1;
    }
  }
  return 0;
}
