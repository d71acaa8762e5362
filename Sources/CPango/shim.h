#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

/// A pango font map that sees only the fonts of `config`; the GObject casts are macros Swift cannot call.
static inline PangoFontMap *clarity_font_map_new(FcConfig *config) {
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (map != NULL) pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    return map;
}

/// Makes `map` the calling thread's default pango font map, the one librsvg lays text out with.
static inline void clarity_font_map_make_default(PangoFontMap *map) {
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(map));
}
