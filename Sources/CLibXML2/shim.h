// libxml2's HTML parser and tree, for the HTML reader (Sources/GazetteExtraction/HTML).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its <unicode/*.h> would clash with Foundation's own copy of
// ICU in the same module graph. The reader uses no ICU-dependent declaration (only the tail of
// xmlCharEncodingHandler, which it never touches, differs).
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
