#ifndef BEARING_CCMARKGFM_SHIM_H
#define BEARING_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm/cmark-gfm-extension_api.h>
/* Debian ships libcmark-gfm-extensions but not this header; declare the one call we need. */
void cmark_gfm_core_extensions_ensure_registered(void);
#endif
