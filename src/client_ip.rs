//! The client's IP address, as the throttles and mail limits count it: the TCP peer, unless the
//! peer is a trusted proxy (`server.trusted_proxies`, CIDRs), in which case the forwarding header
//! (`server.client_ip_header`: `X-Forwarded-For`, or `Forwarded` of RFC 7239) is read from the
//! right: the first address that is not itself a trusted proxy is the client. Headers sent by
//! an untrusted peer are ignored, so a client cannot choose the address it is counted under.
//!
//! Pure parsing plus one accessor over a poem `Request`; imports nothing of the service layer.

use std::net::{IpAddr, Ipv4Addr};
use std::str::FromStr;

use poem::Request;

/// An IP network: an address and a prefix length (`10.0.0.0/8`, `::1/128`; a bare address is
/// a /32 or /128).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    net: u128,
    prefix: u8,
    v4: bool,
}

impl FromStr for Cidr {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let ip: IpAddr = addr
            .parse()
            .map_err(|_| format!("'{s}' is not an IP address or CIDR"))?;
        let ip = canonical(ip);
        let v4 = ip.is_ipv4();
        let max = if v4 { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("'{s}': the prefix must be 0 to {max}"))?,
            None => max,
        };
        Ok(Self {
            net: bits(ip) & mask(prefix, v4),
            prefix,
            v4,
        })
    }
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        ip.is_ipv4() == self.v4 && bits(ip) & mask(self.prefix, self.v4) == self.net
    }
}

/// Which forwarding header a trusted proxy sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForwardedHeader {
    XForwardedFor,
    Forwarded,
}

impl ForwardedHeader {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "x-forwarded-for" => Some(Self::XForwardedFor),
            "forwarded" => Some(Self::Forwarded),
            _ => None,
        }
    }
}

/// The proxies whose forwarding header is believed (none by default).
#[derive(Debug, Clone)]
pub struct TrustedProxies {
    nets: Vec<Cidr>,
    header: ForwardedHeader,
}

impl Default for TrustedProxies {
    fn default() -> Self {
        Self {
            nets: Vec::new(),
            header: ForwardedHeader::XForwardedFor,
        }
    }
}

impl TrustedProxies {
    pub fn new(nets: Vec<Cidr>, header: ForwardedHeader) -> Self {
        Self { nets, header }
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.nets.iter().any(|n| n.contains(ip))
    }

    /// The client of a request from `peer` carrying `values` of the configured header (in the
    /// order received).
    pub fn resolve<'a>(&self, peer: IpAddr, values: impl Iterator<Item = &'a str>) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<Option<IpAddr>> = values
            .flat_map(|v| v.split(','))
            .map(|hop| match self.header {
                ForwardedHeader::XForwardedFor => parse_node(hop),
                ForwardedHeader::Forwarded => forwarded_for(hop).and_then(parse_node),
            })
            .collect();
        let mut client = peer;
        for hop in hops.into_iter().rev() {
            // An unparsable hop ("unknown", an obfuscated name) ends what can be believed.
            let Some(ip) = hop else { break };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        client
    }

    /// The client IP of a request (`None` when the peer is not an IP socket).
    pub fn client_ip(&self, req: &Request) -> Option<IpAddr> {
        let peer = req.remote_addr().as_socket_addr()?.ip();
        let name = match self.header {
            ForwardedHeader::XForwardedFor => "x-forwarded-for",
            ForwardedHeader::Forwarded => "forwarded",
        };
        let values = req
            .headers()
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok());
        Some(self.resolve(peer, values))
    }
}

/// The client IP of a request, with the trusted proxies the app was given (the TCP peer when
/// none were).
pub fn of(req: &Request) -> Option<IpAddr> {
    match req.data::<TrustedProxies>() {
        Some(t) => t.client_ip(req),
        None => TrustedProxies::default().client_ip(req),
    }
}

/// Where a request comes from: its client IP (as [`of`]) and its User-Agent (bounded), as the
/// sessions list and the security emails tell it.
pub fn client_info(req: &Request) -> crate::domain::ClientInfo {
    crate::domain::ClientInfo::new(of(req), req.header("user-agent"))
}

/// The `for=` value of one `Forwarded` element (`for=192.0.2.1;proto=https`).
fn forwarded_for(element: &str) -> Option<&str> {
    element.split(';').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        k.trim().eq_ignore_ascii_case("for").then(|| v.trim())
    })
}

/// An address as a proxy writes it: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`,
/// `[2001:db8::1]:4711`, optionally in double quotes.
fn parse_node(s: &str) -> Option<IpAddr> {
    let s = s.trim().trim_matches('"');
    if let Some(rest) = s.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok().map(canonical);
    }
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    let (host, port) = s.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse::<Ipv4Addr>().ok().map(IpAddr::V4)
}

/// IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`) count as the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn bits(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(a) => u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    }
}

fn mask(prefix: u8, v4: bool) -> u128 {
    let width = if v4 { 32 } else { 128 };
    if prefix == 0 {
        0
    } else {
        (u128::MAX << (128 - u32::from(prefix))) >> (128 - width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn proxies(nets: &[&str], header: ForwardedHeader) -> TrustedProxies {
        TrustedProxies::new(nets.iter().map(|n| n.parse().unwrap()).collect(), header)
    }

    #[test]
    fn cidrs_match_their_network_only() {
        let net: Cidr = "10.1.0.0/16".parse().unwrap();
        assert!(net.contains(ip("10.1.255.3")));
        assert!(!net.contains(ip("10.2.0.1")));
        assert!(
            net.contains(ip("::ffff:10.1.0.9")),
            "v4-mapped counts as v4"
        );
        let v6: Cidr = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(ip("2001:db8:1::1")) && !v6.contains(ip("2001:db9::1")));
        let any: Cidr = "0.0.0.0/0".parse().unwrap();
        assert!(any.contains(ip("203.0.113.9")) && !any.contains(ip("::1")));
        let one: Cidr = "127.0.0.1".parse().unwrap();
        assert!(one.contains(ip("127.0.0.1")) && !one.contains(ip("127.0.0.2")));
        assert!("10.0.0.0/33".parse::<Cidr>().is_err());
        assert!("proxy.local".parse::<Cidr>().is_err());
    }

    #[test]
    fn headers_from_an_untrusted_peer_are_ignored() {
        let t = proxies(&["10.0.0.0/8"], ForwardedHeader::XForwardedFor);
        let got = t.resolve(ip("203.0.113.7"), ["198.51.100.1"].into_iter());
        assert_eq!(got, ip("203.0.113.7"));
        let none = TrustedProxies::default();
        assert_eq!(
            none.resolve(ip("127.0.0.1"), ["198.51.100.1"].into_iter()),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client() {
        let t = proxies(&["10.0.0.0/8"], ForwardedHeader::XForwardedFor);
        // The client forged the first entry; the proxies appended the rest.
        let xff = ["6.6.6.6, 198.51.100.1", "10.0.0.2"];
        assert_eq!(
            t.resolve(ip("10.0.0.1"), xff.into_iter()),
            ip("198.51.100.1")
        );
        assert_eq!(
            t.resolve(ip("10.0.0.1"), ["10.0.0.3"].into_iter()),
            ip("10.0.0.3"),
            "only proxies: the first of them"
        );
        assert_eq!(
            t.resolve(ip("10.0.0.1"), ["198.51.100.1, unknown"].into_iter()),
            ip("10.0.0.1"),
            "an unparsable hop ends the chain"
        );
        assert_eq!(t.resolve(ip("10.0.0.1"), [].into_iter()), ip("10.0.0.1"));
    }

    #[test]
    fn forwarded_elements_give_their_for_parameter() {
        let t = proxies(&["10.0.0.0/8"], ForwardedHeader::Forwarded);
        let h = [r#"for=6.6.6.6, for="[2001:db8::7]:4711";proto=https, For=10.0.0.5:80"#];
        assert_eq!(t.resolve(ip("10.0.0.1"), h.into_iter()), ip("2001:db8::7"));
        assert_eq!(
            t.resolve(ip("10.0.0.1"), ["for=_hidden"].into_iter()),
            ip("10.0.0.1")
        );
    }
}
