//! Semantic style roles. `default` uses only the 16 ANSI colours (any
//! terminal, any SSH client); `mono` uses no colour at all, only bold,
//! reverse, underline and dim, and is chosen when `NO_COLOR` is set.
//! Nothing is ever told apart by colour alone: selection is reversed and
//! marked, the talent pool is starred, errors are bold and carry a caret.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    Mono,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s.trim().to_ascii_lowercase().as_str() {
            "default" | "16" | "color" | "colour" => Some(ThemeName::Default),
            "mono" | "monochrome" | "none" => Some(ThemeName::Mono),
            _ => None,
        }
    }

    /// The theme to use: `mono` when `NO_COLOR` is set to anything non-empty
    /// (no-color.org), else the configured one, else `default`.
    pub fn resolve(configured: Option<ThemeName>, no_color: Option<&str>) -> ThemeName {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return ThemeName::Mono;
        }
        configured.unwrap_or(ThemeName::Default)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// The title bar.
    pub title: Style,
    /// The current screen's tab in the title bar.
    pub tab_active: Style,
    pub tab: Style,
    /// Table headers and section titles.
    pub header: Style,
    /// The selected row or box (always reversed and bold).
    pub selected: Style,
    /// The talent-pool boxes 7..9.
    pub talent: Style,
    pub muted: Style,
    pub error: Style,
    pub status: Style,
    /// The prompt's label (`Filter:`).
    pub prompt: Style,
    /// Key names in the help.
    pub key: Style,
    /// Filled part of a bar.
    pub bar: Style,
    /// Missing part of a bar against a requirement.
    pub gap: Style,
    /// A target met (training hours).
    pub ok: Style,
    /// A target missed.
    pub warn: Style,
    /// The symbols: Unicode, or ASCII for a terminal that is not UTF-8.
    pub glyphs: &'static super::glyphs::Glyphs,
}

impl Theme {
    /// The same theme drawn with the ASCII symbols (`ascii`) or the Unicode ones.
    pub fn with_ascii(self, ascii: bool) -> Theme {
        Theme {
            glyphs: super::glyphs::Glyphs::of(ascii),
            ..self
        }
    }

    pub fn new(name: ThemeName) -> Theme {
        match name {
            ThemeName::Default => Theme::default16(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// Only the 16 ANSI colours.
    pub fn default16() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            name: ThemeName::Default,
            title: Style::new().fg(Color::Black).bg(Color::Cyan),
            tab_active: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            tab: Style::new().fg(Color::Black).bg(Color::Cyan),
            header: bold.fg(Color::Cyan),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            talent: bold.fg(Color::Green),
            muted: Style::new().fg(Color::DarkGray),
            error: bold.fg(Color::LightRed),
            status: Style::new().fg(Color::Gray),
            prompt: bold.fg(Color::Yellow),
            key: bold.fg(Color::Yellow),
            bar: Style::new().fg(Color::Cyan),
            gap: Style::new().fg(Color::LightRed),
            ok: Style::new().fg(Color::Green),
            warn: bold.fg(Color::Yellow),
            glyphs: &super::glyphs::UNICODE,
        }
    }

    /// No colour at all.
    pub fn mono() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            name: ThemeName::Mono,
            title: Style::new().add_modifier(Modifier::REVERSED),
            tab_active: bold.add_modifier(Modifier::UNDERLINED),
            tab: Style::new().add_modifier(Modifier::REVERSED),
            header: bold.add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            talent: bold,
            muted: Style::new().add_modifier(Modifier::DIM),
            error: bold.add_modifier(Modifier::UNDERLINED),
            status: plain,
            prompt: bold,
            key: bold,
            bar: plain,
            gap: bold,
            ok: plain,
            warn: bold,
            glyphs: &super::glyphs::UNICODE,
        }
    }

    pub fn all_styles(&self) -> [Style; 15] {
        [
            self.title,
            self.tab_active,
            self.tab,
            self.header,
            self.selected,
            self.talent,
            self.muted,
            self.error,
            self.status,
            self.prompt,
            self.key,
            self.bar,
            self.gap,
            self.ok,
            self.warn,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_forces_mono() {
        assert_eq!(ThemeName::resolve(None, Some("1")), ThemeName::Mono);
        assert_eq!(
            ThemeName::resolve(Some(ThemeName::Default), Some("yes")),
            ThemeName::Mono
        );
        assert_eq!(ThemeName::resolve(None, Some("")), ThemeName::Default);
        assert_eq!(ThemeName::resolve(None, None), ThemeName::Default);
        assert_eq!(
            ThemeName::resolve(Some(ThemeName::Mono), None),
            ThemeName::Mono
        );
    }

    #[test]
    fn mono_has_no_colour_and_default_only_the_16() {
        for s in Theme::mono().all_styles() {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        for s in Theme::default16().all_styles() {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{c:?} is not one of the 16"
                );
            }
        }
    }

    #[test]
    fn selection_never_relies_on_colour() {
        for t in [Theme::mono(), Theme::default16()] {
            assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
            assert!(t.selected.add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn names() {
        assert_eq!(ThemeName::parse("MONO"), Some(ThemeName::Mono));
        assert_eq!(ThemeName::parse("default"), Some(ThemeName::Default));
        assert_eq!(ThemeName::parse("neon"), None);
    }
}
