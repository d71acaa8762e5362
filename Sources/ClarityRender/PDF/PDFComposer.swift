import CPango
import CRsvg
import Foundation

/// Lays text, tables and SVG charts out on PDF pages with cairo and pango, page after page, with a footer on each.
///
/// Text is set with pango as plain text (never markup), in the charts' font through the private font map, so the
/// bytes depend on nothing but the content and the creation date given. Only used inside
/// `ChartFontMap.withPrivateFonts`, on one thread.
final class PDFComposer {
    /// A page size in PostScript points.
    struct Paper {
        let width: Double
        let height: Double
    }

    /// How a run of text looks.
    struct Style {
        var size = 10.0
        var bold = false
        var color = (0.122, 0.161, 0.216)

        static let body = Style()
        static let muted = Style(size: 8.5, color: (0.42, 0.45, 0.50))
    }

    let paper: Paper
    let margin = 46.0
    private let footerHeight = 30.0
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private(set) var y: Double
    private(set) var pageNumber = 1
    private let footer: (Int) -> String

    var contentWidth: Double { paper.width - 2 * margin }
    private var bottom: Double { paper.height - margin - footerHeight }

    /// A composer writing to `sink`; `footer` gives the footer line of each page number.
    init(
        paper: Paper, title: String, createdAt: String, sink: UnsafeMutableRawPointer,
        write: cairo_write_func_t, footer: @escaping (Int) -> String
    ) throws(RasterizationError) {
        guard let surface = cairo_pdf_surface_create_for_stream(write, sink, paper.width, paper.height),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { throw RasterizationError(.renderingFailed(reason: "cairo could not start a PDF")) }
        // A fixed creation date and title: cairo writes the current time otherwise, and the same store must give the
        // same bytes.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, createdAt)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, createdAt)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "clarity-report")
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw RasterizationError(.renderingFailed(reason: "cairo could not make a drawing context"))
        }
        self.paper = paper
        self.surface = surface
        self.context = context
        self.footer = footer
        self.y = margin
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Ends the last page and the document, and reports cairo's status.
    func finish() throws(RasterizationError) {
        drawFooter()
        cairo_show_page(context)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RasterizationError(.renderingFailed(reason: String(cString: cairo_status_to_string(status))))
        }
    }

    /// Starts a new page when `height` more points would run into the footer.
    func keep(_ height: Double) {
        guard y + height > bottom, y > margin else { return }
        drawFooter()
        cairo_show_page(context)
        pageNumber += 1
        y = margin
    }

    func space(_ points: Double) { y += points }

    /// Sets a paragraph of plain text, wrapped to `width` (the content width), and moves below it.
    func paragraph(_ text: String, style: Style = .body, indent: Double = 0, after: Double = 6) {
        let layout = self.layout(text, style: style, width: contentWidth - indent)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let height = size(of: layout).height
        keep(height)
        draw(layout, x: margin + indent, y: y, style: style)
        y += height + after
    }

    /// A bulleted paragraph.
    func bullet(_ text: String, style: Style = .body) {
        let layout = self.layout(text, style: style, width: contentWidth - 14)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let height = size(of: layout).height
        keep(height)
        let dot = self.layout("•", style: style, width: 10)
        defer { g_object_unref(UnsafeMutableRawPointer(dot)) }
        draw(dot, x: margin + 2, y: y, style: style)
        draw(layout, x: margin + 14, y: y, style: style)
        y += height + 4
    }

    /// A column of a table: its share of the content width and how its cells align.
    struct Column {
        let title: String
        let share: Double
        let alignRight: Bool
    }

    /// A table with a shaded header row and a rule under every row; rows are cell texts, one per column.
    func table(_ columns: [Column], rows: [[String]], style: Style = Style(size: 9)) {
        let widths = columns.map { $0.share * contentWidth }
        var header = style
        header.bold = true
        header.color = (0.29, 0.33, 0.39)
        self.row(columns.map(\.title), widths: widths, columns: columns, style: header, shaded: true)
        for cells in rows { self.row(cells, widths: widths, columns: columns, style: style, shaded: false) }
        y += 8
    }

    private func row(_ cells: [String], widths: [Double], columns: [Column], style: Style, shaded: Bool) {
        let padding = 4.0
        let layouts = zip(cells, widths).map { self.layout($0, style: style, width: $1 - 2 * padding) }
        defer { for layout in layouts { g_object_unref(UnsafeMutableRawPointer(layout)) } }
        let height = (layouts.map { size(of: $0).height }.max() ?? 0) + 2 * padding
        keep(height)
        if shaded {
            cairo_set_source_rgb(context, 0.953, 0.957, 0.965)
            cairo_rectangle(context, margin, y, contentWidth, height)
            cairo_fill(context)
        }
        var x = margin
        for (index, layout) in layouts.enumerated() {
            let width = size(of: layout).width
            let left = columns[index].alignRight ? x + widths[index] - padding - width : x + padding
            draw(layout, x: left, y: y + padding, style: style)
            x += widths[index]
        }
        cairo_set_source_rgb(context, 0.898, 0.906, 0.922)
        cairo_set_line_width(context, 0.6)
        cairo_move_to(context, margin, y + height)
        cairo_line_to(context, margin + contentWidth, y + height)
        cairo_stroke(context)
        y += height
    }

    /// An SVG chart, parsed and measured, ready to be drawn at the content width.
    final class Chart {
        fileprivate let handle: UnsafeMutablePointer<RsvgHandle>
        fileprivate let aspect: Double

        init(_ svg: String) throws(RasterizationError) {
            var error: UnsafeMutablePointer<GError>?
            let bytes = Array(svg.utf8)
            guard let handle = rsvg_handle_new_from_data(bytes, gsize(bytes.count), &error) else {
                if let error { g_error_free(error) }
                throw RasterizationError(.invalidSVG(reason: "a chart of the PDF"))
            }
            rsvg_handle_set_dpi(handle, 72)
            var width = 0.0
            var height = 0.0
            guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0 else {
                g_object_unref(handle)
                throw RasterizationError(.noSize)
            }
            self.handle = handle
            self.aspect = height / width
        }

        deinit { g_object_unref(handle) }
    }

    /// The height a chart takes at the content width.
    func height(of chart: Chart) -> Double { chart.aspect * contentWidth }

    /// Draws a chart scaled to the content width, as vectors with selectable text.
    func draw(_ chart: Chart) throws(RasterizationError) {
        let height = height(of: chart)
        keep(height)
        var viewport = RsvgRectangle(x: margin, y: y, width: contentWidth, height: height)
        var error: UnsafeMutablePointer<GError>?
        guard rsvg_handle_render_document(chart.handle, context, &viewport, &error) != 0 else {
            if let error { g_error_free(error) }
            throw RasterizationError(.renderingFailed(reason: "librsvg could not draw a chart of the PDF"))
        }
        y += height + 8
    }

    private func drawFooter() {
        let layout = self.layout(footer(pageNumber), style: .muted, width: contentWidth)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        draw(layout, x: margin, y: paper.height - margin - size(of: layout).height + 6, style: .muted)
    }

    private func layout(_ text: String, style: Style, width: Double) -> OpaquePointer {
        let layout = pango_cairo_create_layout(context)!
        let description = pango_font_description_from_string("Liberation Sans \(style.bold ? "Bold " : "")\(style.size)")
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    private func size(of layout: OpaquePointer) -> (width: Double, height: Double) {
        var width: Int32 = 0
        var height: Int32 = 0
        pango_layout_get_size(layout, &width, &height)
        return (Double(width) / Double(PANGO_SCALE), Double(height) / Double(PANGO_SCALE))
    }

    private func draw(_ layout: OpaquePointer, x: Double, y: Double, style: Style) {
        cairo_set_source_rgb(context, style.color.0, style.color.1, style.color.2)
        cairo_move_to(context, x, y)
        pango_cairo_show_layout(context, layout)
    }
}
