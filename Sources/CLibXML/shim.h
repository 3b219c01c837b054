#ifndef CLEAN_CLIBXML_SHIM_H
#define CLEAN_CLIBXML_SHIM_H

// libxml2 built with ICU pulls ICU's headers into this module, and they clash with the copy of
// ICU inside Foundation. Nothing here uses ICU converters (or the encoding handler's fields
// that depend on it), so the ICU part of the headers is switched off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

// xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void clean_xmlFree(void *p) { xmlFree(p); }

static void clean_silentStructuredError(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }
static void clean_silentGenericError(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

// Parser and XPath errors go nowhere: callers check return values, and stderr stays ours.
static inline void clean_silenceErrors(void) {
    xmlSetStructuredErrorFunc(NULL, clean_silentStructuredError);
    xmlSetGenericErrorFunc(NULL, clean_silentGenericError);
}

// The calling thread's DocumentArena state, in a thread-local variable: its read is a load from
// the thread's block, where pthread_getspecific is a call, and every libxml2 allocation reads
// it. Weak, so that the copy each object file that uses it makes is one variable once linked
// (Swift inlines DocumentArena's functions into other files). The pthread key in
// DocumentArena.swift stays, for its destructor at thread exit.
__thread void *clean_arenaStateValue __attribute__((weak, tls_model("initial-exec"))) = 0;
static inline void *clean_arenaState(void) { return clean_arenaStateValue; }
static inline void clean_setArenaState(void *state) { clean_arenaStateValue = state; }

#endif
