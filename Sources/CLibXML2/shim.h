// libxml2's HTML parser and tree, for the HTML reader (Sources/GazetteExtraction/HTML).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
