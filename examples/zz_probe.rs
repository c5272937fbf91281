use gradavg::core::geometry::*;
use gradavg::core::surface::ColorScale;
use gradavg::render::heatmap::surface_pixels;
fn main() {
    let view = ViewWindow {
        center: [1.68, 0.39],
        half: 2.9,
    };
    let frame = equal_scale_frame(view, 756.0, 21.0, 236.0, 236.0);
    let (x, y) = (-0.26, -0.995);
    let cost = |t: [f64; 2]| {
        let r = y - t[0] * x - t[1];
        r * r
    };
    let scale = ColorScale {
        lo: 0.185,
        hi: 25.9,
        log: true,
    };
    let bmp = surface_pixels(&cost, &frame, &scale);
    let col = (frame.to_px_f([0.0, 0.0]).0 - frame.left) as usize;
    let mut best = (0usize, 255u32 * 3);
    for row in 0..bmp.height as usize {
        let i = (row * bmp.width as usize + col) * 3;
        let s = bmp.rgb[i] as u32 + bmp.rgb[i + 1] as u32 + bmp.rgb[i + 2] as u32;
        if s < best.1 {
            best = (row, s);
        }
    }
    println!(
        "darkest row {} (+top {}), line at {:?}",
        best.0,
        frame.top,
        frame.to_px_f([0.0, y])
    );
    let first = (0..bmp.height as usize)
        .find(|&row| {
            let i = (row * bmp.width as usize + col) * 3;
            bmp.rgb[i] as u32 + bmp.rgb[i + 1] as u32 + bmp.rgb[i + 2] as u32 == best.1
        })
        .unwrap();
    let last = (0..bmp.height as usize)
        .rev()
        .find(|&row| {
            let i = (row * bmp.width as usize + col) * 3;
            bmp.rgb[i] as u32 + bmp.rgb[i + 1] as u32 + bmp.rgb[i + 2] as u32 == best.1
        })
        .unwrap();
    println!("dark band rows {first}..{last}");
}
