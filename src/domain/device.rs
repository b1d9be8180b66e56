//! The device of a session as people name it, from its User-Agent header: the browser family
//! and the operating system family ("Firefox on Linux"). A small table of our own rather than a
//! crate: only the families matter, and the order of the checks carries the knowledge (Edge and
//! Opera say "Chrome", Chrome says "Safari", Android says "Linux", iOS says "Mac OS X").
//! Unknown agents are `Other`; nothing here trusts the header, it only describes it.

/// A browser family and an operating system family; `"Other"` when not recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Device {
    pub browser: &'static str,
    pub os: &'static str,
}

const OTHER: &str = "Other";

/// Browser families, the first match wins: `(marker in the header, family)`.
const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("HeadlessChrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
    ("python-requests/", "Python Requests"),
    ("reqwest", "reqwest"),
];

/// Operating system families, the first match wins.
const SYSTEMS: &[(&str, &str)] = &[
    ("Windows", "Windows"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("Linux", "Linux"),
    ("FreeBSD", "FreeBSD"),
];

fn family(ua: &str, table: &[(&str, &'static str)]) -> &'static str {
    table
        .iter()
        .find(|(marker, _)| ua.contains(marker))
        .map_or(OTHER, |(_, name)| name)
}

impl Device {
    /// The device a User-Agent header describes (`Other`/`Other` without one).
    pub fn of(user_agent: Option<&str>) -> Self {
        let ua = user_agent.unwrap_or("");
        Self {
            browser: family(ua, BROWSERS),
            os: family(ua, SYSTEMS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Device;

    fn of(ua: &str) -> (&'static str, &'static str) {
        let d = Device::of(Some(ua));
        (d.browser, d.os)
    }

    #[test]
    fn common_browsers_are_named_by_family_and_system() {
        let cases = [
            ("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", ("Firefox", "Linux")),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", ("Edge", "Windows")),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", ("Safari", "macOS")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1", ("Chrome", "iOS")),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", ("Chrome", "Android")),
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0", ("Opera", "Linux")),
            ("curl/8.5.0", ("curl", "Other")),
        ];
        for (ua, want) in cases {
            assert_eq!(of(ua), want, "{ua}");
        }
    }

    #[test]
    fn a_missing_or_unknown_agent_is_other() {
        assert_eq!(
            Device::of(None),
            Device {
                browser: "Other",
                os: "Other"
            }
        );
        assert_eq!(of("\u{0}\u{7f}💥"), ("Other", "Other"));
    }
}
