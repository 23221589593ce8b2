#include "CPictureCodec.h"
#include <vips/vips.h>
#include <string.h>

struct tp_picture { VipsImage *image; };

/// Only these decoders ever see content bytes: ImageMagick's catch-all loader (PDF, PostScript, SVG
/// with external references…) never does.
static int allowed_loader(const char *loader) {
    static const char *allowed[] = {
        "VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer", "VipsForeignLoadSpngBuffer", "VipsForeignLoadWebpBuffer",
        "VipsForeignLoadGifBuffer", "VipsForeignLoadNsgifBuffer", "VipsForeignLoadHeifBuffer", NULL };
    for (int i = 0; loader && allowed[i]; i++) if (strcmp(loader, allowed[i]) == 0) return 1;
    return 0;
}

static void take_error(char *error, size_t error_size) {
    if (error && error_size > 0) {
        const char *message = vips_error_buffer();
        strncpy(error, message && *message ? message : "libvips failed", error_size - 1);
        error[error_size - 1] = 0;
        size_t n = strlen(error);
        while (n > 0 && (error[n - 1] == '\n' || error[n - 1] == ' ')) error[--n] = 0;
    }
    vips_error_clear();
}

static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

int tp_codec_start(void) {
    static int started = 0;
    static int result = 0;
    if (started) return result;
    started = 1;
    if (VIPS_INIT("tietopankki")) { result = -1; return result; }
    // A broken picture is reported once, as a located error; libvips' own warnings about its tiles
    // would only repeat it on the terminal.
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, quiet, NULL);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    vips_leak_set(0);
    // Loaders libvips itself marks untrusted (ImageMagick, PDF, …) are not even asked to sniff.
    vips_block_untrusted_set(TRUE);
    return result;
}

int tp_codec_inspect(const void *data, size_t length, tp_picture_info *info, char *error, size_t error_size) {
    memset(info, 0, sizeof *info);
    const char *loader = vips_foreign_find_load_buffer(data, length);
    if (!loader) { take_error(error, error_size); return -1; }
    strncpy(info->loader, loader, sizeof info->loader - 1);
    if (!allowed_loader(loader)) return -2;
    VipsImage *image = vips_image_new_from_buffer(data, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) { take_error(error, error_size); return -1; }
    info->width = vips_image_get_width(image);
    info->height = vips_image_get_height(image);
    info->orientation = vips_image_get_orientation(image);
    info->has_alpha = vips_image_hasalpha(image);
    g_object_unref(image);
    return 0;
}

tp_picture *tp_codec_resize(const void *data, size_t length, int width, int height, int crop, char *error, size_t error_size) {
    VipsImage *out = NULL;
    int failed;
    if (!allowed_loader(vips_foreign_find_load_buffer(data, length))) {
        take_error(error, error_size);
        if (error && error_size > 0) strncpy(error, "not a JPEG, PNG, WebP, GIF or AVIF picture", error_size - 1);
        return NULL;
    }
    VipsInteresting interesting = VIPS_INTERESTING_NONE;
    switch (crop) {
    case TP_CROP_CENTRE: interesting = VIPS_INTERESTING_CENTRE; break;
    case TP_CROP_TOP: interesting = VIPS_INTERESTING_LOW; break;
    case TP_CROP_BOTTOM: interesting = VIPS_INTERESTING_HIGH; break;
    case TP_CROP_ATTENTION: interesting = VIPS_INTERESTING_ATTENTION; break;
    default: break;
    }
    if (crop == TP_CROP_NONE) {
        failed = vips_thumbnail_buffer((void *)data, length, &out, width,
            "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "export_profile", "srgb",
            "option_string", "fail_on=error", NULL);
    } else {
        failed = vips_thumbnail_buffer((void *)data, length, &out, width,
            "height", height, "crop", interesting, "size", VIPS_SIZE_DOWN, "export_profile", "srgb",
            "option_string", "fail_on=error", NULL);
    }
    if (failed || !out) { take_error(error, error_size); return NULL; }
    // Pixels are computed here, so that a broken file fails now and not in the middle of an encoder.
    VipsImage *memory = vips_image_copy_memory(out);
    g_object_unref(out);
    if (!memory) { take_error(error, error_size); return NULL; }
    // Only the pixels go on: a new image made of them has no metadata at all. (libvips 8.14's WebP
    // writer keeps EXIF despite "strip", so stripping at save time alone would leak a GPS position.)
    VipsImage *pixels = vips_image_new_from_memory_copy(
        VIPS_IMAGE_ADDR(memory, 0, 0), VIPS_IMAGE_SIZEOF_IMAGE(memory),
        memory->Xsize, memory->Ysize, memory->Bands, memory->BandFmt);
    if (!pixels) { g_object_unref(memory); take_error(error, error_size); return NULL; }
    pixels->Type = memory->Type;
    g_object_unref(memory);
    tp_picture *picture = g_malloc(sizeof *picture);
    picture->image = pixels;
    return picture;
}

int tp_picture_width(const tp_picture *picture) { return vips_image_get_width(picture->image); }
int tp_picture_height(const tp_picture *picture) { return vips_image_get_height(picture->image); }

void tp_picture_free(tp_picture *picture) {
    if (!picture) return;
    g_object_unref(picture->image);
    g_free(picture);
}

int tp_codec_encode(const tp_picture *picture, int format, int quality, void **bytes, size_t *length, char *error, size_t error_size) {
    int failed = -1;
    *bytes = NULL;
    *length = 0;
    switch (format) {
    case TP_FORMAT_JPEG:
        failed = vips_jpegsave_buffer(picture->image, bytes, length, "Q", quality, "strip", TRUE,
            "optimize_coding", TRUE, "interlace", TRUE, NULL);
        break;
    case TP_FORMAT_PNG:
        failed = vips_pngsave_buffer(picture->image, bytes, length, "strip", TRUE, "compression", 9, NULL);
        break;
    case TP_FORMAT_WEBP:
        failed = vips_webpsave_buffer(picture->image, bytes, length, "Q", quality, "strip", TRUE, NULL);
        break;
    case TP_FORMAT_AVIF:
        failed = vips_heifsave_buffer(picture->image, bytes, length, "Q", quality, "strip", TRUE,
            "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "effort", 2, NULL);
        break;
    default:
        break;
    }
    if (failed) { take_error(error, error_size); return -1; }
    return 0;
}

void tp_codec_free_bytes(void *bytes) { g_free(bytes); }

int tp_codec_can_write(int format) {
    if (format == TP_FORMAT_AVIF) {
        /* heifsave exists whenever libheif does; whether it has an AV1 encoder shows only by trying. */
        VipsImage *probe = NULL;
        void *bytes = NULL;
        size_t length = 0;
        int written = 0;
        if (vips_black(&probe, 8, 8, "bands", 3, NULL) == 0) {
            VipsImage *rgb = NULL;
            if (vips_cast(probe, &rgb, VIPS_FORMAT_UCHAR, NULL) == 0) {
                written = vips_heifsave_buffer(rgb, &bytes, &length, "compression",
                    VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "effort", 0, NULL) == 0 && length > 0;
                g_object_unref(rgb);
            }
            g_object_unref(probe);
        }
        g_free(bytes);
        vips_error_clear();
        return written;
    }
    const char *suffix = format == TP_FORMAT_JPEG ? ".jpg" : format == TP_FORMAT_PNG ? ".png" : ".webp";
    const char *saver = vips_foreign_find_save_buffer(suffix);
    vips_error_clear();
    return saver != NULL;
}
