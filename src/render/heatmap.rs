//! The heatmap of C under a parameter frame, and its colour bar.

use super::palette::{surface_color, INK};
use super::{drawn, Area, Canvas, DrawResult, HeatmapMode};
use crate::core::geometry::PlotFrame;
use crate::core::surface::{ColorScale, SurfaceGrid};
use crate::core::text::fmt_sig;
use crate::render::font::FIGURE_FONT;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// An RGB image placed at a pixel, drawn with one `blit_bitmap` call.
pub struct Bitmap {
    pub at: BackendCoord,
    pub width: u32,
    pub height: u32,
    /// Row-major RGB bytes, 3 per pixel.
    pub rgb: Vec<u8>,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Bitmap {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Bitmap {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match points.next() {
            Some(at) => backend.blit_bitmap(at, (self.width, self.height), &self.rgb),
            None => Ok(()),
        }
    }
}

/// Steps of the colour table: finer than the eye can tell apart on a
/// smooth map (viridis changes by at most ~1/255 per step here).
const COLOR_STEPS: usize = 1024;

/// The map's colours at t = k/(COLOR_STEPS − 1), as RGB bytes.
fn color_table() -> Vec<[u8; 3]> {
    (0..COLOR_STEPS)
        .map(|k| {
            let RGBColor(r, g, b) = surface_color(k as f64 / (COLOR_STEPS - 1) as f64);
            [r, g, b]
        })
        .collect()
}

/// The entry of `table` nearest colour-scale position t (clamped to [0, 1]):
/// index t·last + ½ truncated, which is t·last rounded as t·last ≥ 0 (a
/// truncation is one wasm instruction, `round` a call).
#[inline(always)]
fn table_color(table: &[[u8; 3]], t: f64) -> [u8; 3] {
    let last = table.len() - 1;
    table[((t.clamp(0.0, 1.0) * last as f64 + 0.5) as usize).min(last)]
}

/// The colour of C at the centre of every pixel of the frame, as RGB bytes.
/// For C the cost comes from the sufficient statistics, O(1) per pixel, and
/// colours come from a precomputed table of the map.
pub fn surface_pixels(
    cost: &dyn Fn([f64; 2]) -> f64,
    frame: &PlotFrame,
    scale: &ColorScale,
) -> Bitmap {
    let (w, h) = (frame.width.round() as u32, frame.height.round() as u32);
    let table = color_table();
    let position = scale.positioner();
    // Written in place, pixel by pixel, with no capacity check per pixel.
    let mut rgb = vec![[0; 3]; (w * h) as usize];
    let mut pixel = 0;
    for py in 0..h {
        for px in 0..w {
            let theta = frame.from_px(frame.left + px as f64 + 0.5, frame.top + py as f64 + 0.5);
            rgb[pixel] = table_color(&table, position(cost(theta)));
            pixel += 1;
        }
    }
    Bitmap {
        at: (frame.left.round() as i32, frame.top.round() as i32),
        width: w,
        height: h,
        rgb: rgb.into_flattened(),
    }
}

/// The colours of C under the frame from a grid of C's values at cell
/// centres: each pixel's colour-scale position is interpolated bilinearly
/// between the four nearest centres (held flat beyond the outer ones), so a
/// surface that costs N evaluations a point is drawn from the nx·ny of its
/// grid, with no visible cells.
pub fn grid_pixels(grid: &SurfaceGrid, frame: &PlotFrame, scale: &ColorScale) -> Bitmap {
    let (w, h) = (frame.width.round() as u32, frame.height.round() as u32);
    let position = scale.positioner();
    let nodes: Vec<f64> = grid.values.iter().map(|&c| position(c)).collect();
    let table = color_table();
    // Where a pixel centre falls among the centres: the one before, and how far on.
    let locate = |fraction: f64, n: usize| {
        let f = (fraction * n as f64 - 0.5).clamp(0.0, (n - 1) as f64);
        let k = (f as usize).min(n.saturating_sub(2));
        (k, f - k as f64, (k + 1).min(n - 1))
    };
    let columns: Vec<_> = (0..w)
        .map(|px| locate((px as f64 + 0.5) / frame.width, grid.nx))
        .collect();
    // Indexed stores: the page's size-optimised build calls, rather than
    // inlines, an iterator's `next` or a slice copy per pixel.
    let mut rgb = vec![[0; 3]; (w * h) as usize];
    let mut row = vec![0.0; grid.nx];
    for (py, pixels) in rgb.chunks_exact_mut(w.max(1) as usize).enumerate() {
        // Pixel rows run down, θ₁ up. Interpolated along θ₁ once per row
        // first, then along θ₀ per pixel: the same bilinear value.
        let (j, v, j1) = locate(1.0 - (py as f64 + 0.5) / frame.height, grid.ny);
        let (low, high) = (&nodes[j * grid.nx..], &nodes[j1 * grid.nx..]);
        for ((r, &a), &b) in row.iter_mut().zip(low).zip(high) {
            *r = a + v * (b - a);
        }
        color_row(&row, &columns, &table, pixels);
    }
    Bitmap {
        at: (frame.left.round() as i32, frame.top.round() as i32),
        width: w,
        height: h,
        rgb: rgb.into_flattened(),
    }
}

/// One row of [`grid_pixels`]: pixel k is θ₀-interpolated in `row` at
/// `columns[k]` = (i, u, i + 1), C's colour-scale position `row[i] + u·(row[i+1] − row[i])`,
/// coloured from `table`. A function of its own (not inlined) so that a
/// browser's first, baseline-compiled run of the page switches to its
/// optimised code after a few rows: wasm code is swapped only between calls.
#[inline(never)]
fn color_row(
    row: &[f64],
    columns: &[(usize, f64, usize)],
    table: &[[u8; 3]],
    pixels: &mut [[u8; 3]],
) {
    for k in 0..pixels.len() {
        let (i, u, i1) = columns[k];
        pixels[k] = table_color(table, row[i] + u * (row[i1] - row[i]));
    }
}

/// Paints the surface under `frame`, as one bitmap or as filled cells.
pub fn draw_surface<DB: DrawingBackend>(
    area: &Area<DB>,
    cost: &dyn Fn([f64; 2]) -> f64,
    frame: &PlotFrame,
    scale: &ColorScale,
    mode: HeatmapMode,
) -> DrawResult {
    match mode {
        HeatmapMode::Bitmap => drawn(area.draw(&surface_pixels(cost, frame, scale))),
        HeatmapMode::Smooth(step) => {
            let long = frame.width.max(frame.height);
            let cells = (long / step.max(1) as f64).ceil() as usize;
            let grid = SurfaceGrid::over_frame(cost, frame, cells);
            drawn(area.draw(&grid_pixels(&grid, frame, scale)))
        }
        HeatmapMode::Cells(size) => {
            let size = size.max(1) as i32;
            let (x0, y0) = (frame.left.round() as i32, frame.top.round() as i32);
            let (x1, y1) = (
                x0 + frame.width.round() as i32,
                y0 + frame.height.round() as i32,
            );
            for py in (y0..y1).step_by(size as usize) {
                for px in (x0..x1).step_by(size as usize) {
                    let centre =
                        frame.from_px(px as f64 + size as f64 / 2.0, py as f64 + size as f64 / 2.0);
                    let color = surface_color(scale.position(cost(centre)));
                    let corner = ((px + size).min(x1), (py + size).min(y1));
                    drawn(area.draw(&Rectangle::new([(px, py), corner], color.filled())))?;
                }
            }
            Ok(())
        }
    }
}

/// A vertical colour bar for `scale` at pixel rectangle (left, top, w, h),
/// labelled at the contour levels, titled `title`: one bitmap, or in
/// `HeatmapMode::Cells` (SVG) a rectangle per pixel row.
pub fn draw_colorbar<DB: DrawingBackend>(
    area: &Area<DB>,
    canvas: &Canvas,
    scale: &ColorScale,
    levels: &[f64],
    rect: (i32, i32, i32, i32),
    title: &str,
    mode: HeatmapMode,
) -> DrawResult {
    let (left, top, w, h) = rect;
    let row_color = |row: i32| surface_color(1.0 - (row as f64 + 0.5) / h as f64);
    match mode {
        // In SVG a rectangle per row; elsewhere one blit, not h fill styles.
        HeatmapMode::Cells(_) => {
            for row in 0..h {
                let y = top + row;
                drawn(area.draw(&Rectangle::new(
                    [(left, y), (left + w, y + 1)],
                    row_color(row).filled(),
                )))?;
            }
        }
        HeatmapMode::Bitmap | HeatmapMode::Smooth(_) => {
            let (w, h) = (w.max(0) as u32, h.max(0) as u32);
            let mut rgb = Vec::with_capacity((3 * w * h) as usize);
            for row in 0..h {
                let RGBColor(r, g, b) = row_color(row as i32);
                for _ in 0..w {
                    rgb.extend_from_slice(&[r, g, b]);
                }
            }
            let at = (left, top);
            drawn(area.draw(&Bitmap {
                at,
                width: w,
                height: h,
                rgb,
            }))?;
        }
    }
    drawn(area.draw(&Rectangle::new(
        [(left, top), (left + w, top + h)],
        INK.stroke_width(1),
    )))?;
    let font = (FIGURE_FONT, canvas.pxf(11.0)).into_font().color(&INK);
    let label = font.pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Left,
        plotters::style::text_anchor::VPos::Center,
    ));
    for &level in levels {
        let y = top + ((1.0 - scale.position(level)) * h as f64).round() as i32;
        drawn(area.draw(&PathElement::new(
            vec![(left + w, y), (left + w + canvas.px(4.0) as i32, y)],
            INK.stroke_width(1),
        )))?;
        drawn(area.draw(&Text::new(
            fmt_sig(level, 2),
            (left + w + canvas.px(6.0) as i32, y),
            label.clone(),
        )))?;
    }
    let title_style = font.pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Left,
        plotters::style::text_anchor::VPos::Bottom,
    ));
    drawn(area.draw(&Text::new(
        title.to_string(),
        (left, top - canvas.px(4.0) as i32),
        title_style,
    )))
}
