#ifndef CLEAN_CZLIB_SHIM_H
#define CLEAN_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro Swift cannot import: it passes the header's version and struct size.
static inline int clean_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
