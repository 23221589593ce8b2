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

/// The first element among `node` and its following siblings, or NULL.
static inline xmlNodePtr tp_xml_first_element(xmlNodePtr node) {
    while (node != NULL && node->type != XML_ELEMENT_NODE) node = node->next;
    return node;
}

/// The element after `element` in document order, descending only into elements (their text, comments and
/// other nodes are passed over), or NULL at the end of the tree `element` is in. The one tree walk of
/// the HTML checks (Inspection) and the e-mail inliner (EmailInlining).
static inline xmlNodePtr tp_xml_next_element(xmlNodePtr element) {
    xmlNodePtr child = tp_xml_first_element(element->children);
    if (child != NULL) return child;
    for (xmlNodePtr node = element; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent) {
        xmlNodePtr sibling = tp_xml_first_element(node->next);
        if (sibling != NULL) return sibling;
    }
    return NULL;
}
