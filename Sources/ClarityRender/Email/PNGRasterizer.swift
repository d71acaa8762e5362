import CRsvg
import Foundation

/// A rasterizer that draws an SVG chart as an opaque PNG with librsvg and cairo, for email clients that show no SVG.
///
/// Text is drawn in Liberation Sans whatever fonts the machine has (`ChartFontMap`), so the bytes are the same on
/// every machine. The PNG has no alpha channel: the chart is drawn over white, so it reads the same in dark-mode clients that
/// would otherwise show a transparent chart's dark text on a dark background.
public struct PNGRasterizer: Sendable {
    /// Device pixels per SVG pixel; 2 keeps charts sharp on high-density screens.
    public let scale: Double

    /// cairo refuses image surfaces wider or taller than this.
    private static let maximumSide = 32767.0

    public init(scale: Double = 2) {
        precondition(scale.isFinite && scale > 0, "a rasterization scale must be a positive number")
        self.scale = scale
    }

    /// Draws an SVG document and returns the PNG file's bytes; the same SVG always gives the same bytes.
    ///
    /// `padding` (in SVG pixels) adds a white margin on every side: in a dark-mode mail client the chart then sits on
    /// a white card of its own instead of its edge touching inverted text.
    public func png(fromSVG svg: String, padding: Double = 0) throws(RasterizationError) -> [UInt8] {
        precondition(padding.isFinite && padding >= 0, "padding must be a non-negative number")
        let scale = scale
        return try ChartFontMap.withPrivateFonts { () throws(RasterizationError) in
            try Self.render(Array(svg.utf8), scale: scale, padding: padding)
        }
    }

    private static func render(_ svg: [UInt8], scale: Double, padding: Double) throws(RasterizationError) -> [UInt8] {
        var error: UnsafeMutablePointer<GError>?
        let handle = svg.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let handle else {
            throw RasterizationError(.invalidSVG(reason: consume(&error) ?? "librsvg gave no reason"))
        }
        defer { g_object_unref(handle) }
        rsvg_handle_set_dpi(handle, 96)

        let (width, height) = try size(of: handle)
        let pixelWidth = ((width + 2 * padding) * scale).rounded(.up)
        let pixelHeight = ((height + 2 * padding) * scale).rounded(.up)
        guard (1...maximumSide).contains(pixelWidth), (1...maximumSide).contains(pixelHeight) else {
            throw RasterizationError(.unsupportedSize(width: pixelWidth, height: pixelHeight))
        }

        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw RasterizationError(.renderingFailed(reason: "cairo could not allocate an image"))
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        guard let context = cairo_create(surface) else {
            throw RasterizationError(.renderingFailed(reason: "cairo could not allocate a drawing context"))
        }
        defer { cairo_destroy(context) }

        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        cairo_translate(context, padding, padding)
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
            throw RasterizationError(.renderingFailed(reason: consume(&error) ?? "librsvg gave no reason"))
        }
        try check(cairo_status(context))
        cairo_surface_flush(surface)

        var png: [UInt8] = []
        let status = withUnsafeMutablePointer(to: &png) { output in
            cairo_surface_write_to_png_stream(
                surface,
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                    closure.assumingMemoryBound(to: [UInt8].self).pointee
                        .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                    return CAIRO_STATUS_SUCCESS
                }, output)
        }
        try check(status)
        return png
    }

    /// The document's size in CSS pixels: its width and height, or failing those its viewBox.
    private static func size(of handle: UnsafeMutablePointer<RsvgHandle>) throws(RasterizationError) -> (Double, Double) {
        var width = 0.0
        var height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0 {
            return (width, height)
        }
        var hasViewBox: gboolean = 0
        var viewBox = RsvgRectangle()
        rsvg_handle_get_intrinsic_dimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
        guard hasViewBox != 0 else { throw RasterizationError(.noSize) }
        return (viewBox.width, viewBox.height)
    }

    private static func check(_ status: cairo_status_t) throws(RasterizationError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RasterizationError(.renderingFailed(reason: String(cString: cairo_status_to_string(status))))
        }
    }

    /// Takes a GError's message and frees the error.
    private static func consume(_ error: inout UnsafeMutablePointer<GError>?) -> String? {
        guard let pointer = error else { return nil }
        defer {
            g_error_free(pointer)
            error = nil
        }
        return pointer.pointee.message.map { String(cString: $0) }
    }
}
