// libvips' C API (Debian: libvips-dev). Swift does not import it directly: its calls take variadic
// options, so CPictureCodec wraps the few the build needs in plain functions.
#include <vips/vips.h>
