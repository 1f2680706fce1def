// The system zlib (Debian: zlib1g-dev), for deflating sync batches on slow links.
#include <zlib.h>
