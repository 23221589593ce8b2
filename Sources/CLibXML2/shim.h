#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its headers would then pull in the system ICU, which clashes with the
// toolchain's own copy inside Foundation. We use no ICU-dependent libxml2 API.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>

/// `xmlFree` is a global function pointer that Swift 6 refuses to read; call it through here.
static inline void tp_xmlFree(void *pointer) { xmlFree(pointer); }
