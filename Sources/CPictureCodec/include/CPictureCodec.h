// The few libvips operations the picture pipeline needs, as plain C functions Swift can call
// (libvips' own take variadic option lists). No libvips type crosses this header.
#ifndef CPICTURECODEC_H
#define CPICTURECODEC_H
#include <stddef.h>

/// Starts libvips once per process: no operation cache (each source is decoded once per variant
/// group), one worker thread per operation (the build runs operations in parallel itself).
/// Returns 0 on success.
int tp_codec_start(void);

/// What a picture's header says, read without decoding its pixels.
typedef struct {
    int width;        ///< as stored, before EXIF orientation
    int height;
    int orientation;  ///< EXIF orientation 1–8 (1 when absent)
    int has_alpha;
    char loader[48];  ///< libvips' loader, e.g. "VipsForeignLoadJpegBuffer"
} tp_picture_info;

/// Reads the header of the encoded picture in `data`. Returns 0; -1 with a message in `error` when
/// nothing reads it; -2 when it is in a format the pipeline does not take (`info->loader` names it).
int tp_codec_inspect(const void *data, size_t length, tp_picture_info *info, char *error, size_t error_size);

/// How a resized picture is cut to its box.
enum { TP_CROP_NONE = 0, TP_CROP_CENTRE = 1, TP_CROP_TOP = 2, TP_CROP_BOTTOM = 3, TP_CROP_ATTENTION = 4 };
enum { TP_FORMAT_JPEG = 0, TP_FORMAT_PNG = 1, TP_FORMAT_WEBP = 2, TP_FORMAT_AVIF = 3 };

typedef struct tp_picture tp_picture;

/// Decodes `data` (failing on any decoding error), applies its EXIF orientation, converts it to sRGB
/// and scales it down to `width` (and, with a crop, to exactly `width`×`height`); never up.
tp_picture *tp_codec_resize(const void *data, size_t length, int width, int height, int crop, char *error, size_t error_size);
int tp_picture_width(const tp_picture *picture);
int tp_picture_height(const tp_picture *picture);
void tp_picture_free(tp_picture *picture);

/// Encodes `picture` with every piece of metadata stripped (EXIF, GPS, XMP, IPTC, ICC). The bytes
/// are returned in `*bytes` (free with tp_codec_free_bytes). Returns 0, or -1 with a message.
int tp_codec_encode(const tp_picture *picture, int format, int quality, void **bytes, size_t *length, char *error, size_t error_size);
void tp_codec_free_bytes(void *bytes);

/// Whether this libvips can write the format (AVIF needs libheif with an AV1 encoder).
int tp_codec_can_write(int format);

#endif
