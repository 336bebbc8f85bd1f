//! Charts drawn as SVG from signals, so they change in place when the figures do. The layout
//! (`cc_domain::dashboard::bars`) is pure and tested; this only draws it.

use cc_domain::dashboard::{bars, Count, SessionFill};
use leptos::prelude::*;

/// The SVG's width in user units; it scales to its box.
const WIDTH: f64 = 480.0;
/// Where bars begin (labels to the left), and the room kept for the figure on the right.
const LABEL: f64 = 150.0;
const FIGURE: f64 = 70.0;
const ROW: f64 = 28.0;

/// A label cut to fit beside a bar: nine Chinese characters, or eighteen Latin ones (a Chinese
/// character is as wide as two).
fn short(label: &str) -> String {
    const ROOM: usize = 18;
    let width = |c: char| if c.is_ascii() { 1 } else { 2 };
    if label.chars().map(width).sum::<usize>() <= ROOM {
        return label.to_string();
    }
    let mut used = 0;
    let mut out: String = label.chars().take_while(|&c| { used += width(c); used < ROOM }).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_are_cut_by_width_not_by_characters() {
        assert_eq!(super::short("Intangible heritage"), "Intangible herita…");
        assert_eq!(super::short("Reading & lectures"), "Reading & lectures");
        assert_eq!(super::short("非遗体验与传统技艺展示"), "非遗体验与传统技…");
        assert_eq!(super::short("文化讲座"), "文化讲座");
    }
}

/// Horizontal bars, one per count, longest first as given.
#[component]
pub fn BarChart(
    /// Read by screen readers: what the chart shows.
    title: Signal<String>,
    counts: Signal<Vec<Count>>,
    /// The label to show for a count (its Chinese or English name).
    label: fn(&Count) -> String,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let height = move || (counts.with(Vec::len).max(1) as f64) * ROW;
    view! {
        <svg class="chart" data-testid=testid role="img" aria-label=title
            viewBox=move || format!("0 0 {WIDTH} {}", height()) preserveAspectRatio="xMinYMin meet">
            {move || {
                let list = counts.get();
                bars(&list, WIDTH - LABEL - FIGURE, height()).into_iter().zip(list.iter().map(label)).map(|(bar, name)| {
                    let middle = bar.y + bar.height / 2.0;
                    view! {
                        <g class="bar" data-count=bar.count>
                            <title>{format!("{name}: {}", bar.count)}</title>
                            <text x="0" y=middle dominant-baseline="middle">{short(&name)}</text>
                            <rect x=LABEL y=bar.y width=bar.width.max(1.0) height=bar.height rx="3"></rect>
                            <text class="figure" x=LABEL + bar.width + 6.0 y=middle dominant-baseline="middle">{bar.count}</text>
                        </g>
                    }
                }).collect_view()
            }}
        </svg>
    }
}

/// Today's sessions: how full each is (booked ÷ places), with check-ins marked inside.
#[component]
pub fn FillChart(title: Signal<String>, sessions: Signal<Vec<SessionFill>>) -> impl IntoView {
    let height = move || (sessions.with(Vec::len).max(1) as f64) * ROW;
    let span = WIDTH - LABEL - FIGURE;
    view! {
        <svg class="chart fill-chart" data-testid="fill-chart" role="img" aria-label=title
            viewBox=move || format!("0 0 {WIDTH} {}", height()) preserveAspectRatio="xMinYMin meet">
            {move || sessions.get().into_iter().enumerate().map(|(i, s)| {
                let y = i as f64 * ROW + ROW * 0.15;
                let middle = y + ROW * 0.35;
                let checked = if s.capacity == 0 { 0.0 } else { s.checked_in as f64 / s.capacity as f64 };
                let label = format!("{} {}", s.starts_at.format("%H:%M"), s.title);
                view! {
                    <g class="fill" data-session=s.session_id data-held=s.held>
                        <title>{format!("{label}: {}/{}", s.held, s.capacity)}</title>
                        <text x="0" y=middle dominant-baseline="middle">{short(&label)}</text>
                        <rect class="capacity" x=LABEL y=y width=span height=ROW * 0.7 rx="3"></rect>
                        <rect class="held" x=LABEL y=y width=span * s.utilisation().min(1.0) height=ROW * 0.7 rx="3"></rect>
                        <rect class="checked" x=LABEL y=y + ROW * 0.5 width=span * checked.min(1.0) height=ROW * 0.2></rect>
                        <text class="figure" x=LABEL + span + 6.0 y=middle dominant-baseline="middle">
                            {format!("{}/{}", s.held, s.capacity)}
                        </text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}
