//! Connection timeouts of the listener, so that a slow or silent client cannot hold a connection
//! (and its task and buffers) forever: poem's server exposes no header-read timeout, and its
//! idle timeout counts every byte as activity, so a client trickling one byte a second would
//! never be closed. Each accepted connection is wrapped in a [`GuardedStream`] that fails its
//! reads when
//! - a request head (HTTP/1 request line and headers) is not complete within the header-read
//!   timeout of its first byte (of the connection's start, for the first request), or
//! - nothing at all was read or written for the idle timeout (a keep-alive connection between
//!   requests, or a stalled peer).
//!
//! The head is followed in the byte stream: it ends at the first empty line, and the next
//! request starts with the first byte read after the server has written (HTTP/1.1 without
//! pipelining). HTTP/2 (prior knowledge) has its own framing and only gets the idle timeout.
//! The request body's own deadline is enforced where it is read (`api::body_limit`).
//! Must not import the service, store or web layers.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use poem::listener::Acceptor;
use poem::web::{LocalAddr, RemoteAddr};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{sleep, Instant, Sleep};

/// The two timeouts of every connection.
#[derive(Debug, Clone, Copy)]
pub struct ConnTimeouts {
    pub header_read: Duration,
    pub idle: Duration,
}

/// An acceptor whose connections carry [`ConnTimeouts`].
pub struct GuardedAcceptor<A> {
    inner: A,
    timeouts: ConnTimeouts,
}

impl<A> GuardedAcceptor<A> {
    pub fn new(inner: A, timeouts: ConnTimeouts) -> Self {
        Self { inner, timeouts }
    }
}

impl<A: Acceptor> Acceptor for GuardedAcceptor<A> {
    type Io = GuardedStream<A::Io>;

    fn local_addr(&self) -> Vec<LocalAddr> {
        self.inner.local_addr()
    }

    fn accept(
        &mut self,
    ) -> impl Future<Output = io::Result<(Self::Io, LocalAddr, RemoteAddr, poem::http::uri::Scheme)>>
           + Send {
        let timeouts = self.timeouts;
        let accept = self.inner.accept();
        async move {
            let (io, local, remote, scheme) = accept.await?;
            Ok((GuardedStream::new(io, timeouts), local, remote, scheme))
        }
    }
}

/// Where the connection is in its byte stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Reading a request head; `matched` bytes of the closing `\r\n\r\n` seen so far.
    Head { matched: u8 },
    /// The head is read; the body and the answer follow.
    AfterHead,
    /// The answer was written; the next byte read starts a new request.
    BetweenRequests,
    /// HTTP/2 with prior knowledge: framing is not followed.
    Http2,
}

/// A connection whose reads fail with `TimedOut` when a timeout of [`ConnTimeouts`] passes.
pub struct GuardedStream<T> {
    inner: T,
    timeouts: ConnTimeouts,
    phase: Phase,
    first_read: bool,
    idle_deadline: Pin<Box<Sleep>>,
    head_deadline: Option<Pin<Box<Sleep>>>,
}

impl<T> GuardedStream<T> {
    fn new(inner: T, timeouts: ConnTimeouts) -> Self {
        Self {
            inner,
            timeouts,
            phase: Phase::Head { matched: 0 },
            first_read: true,
            idle_deadline: Box::pin(sleep(timeouts.idle)),
            head_deadline: Some(Box::pin(sleep(timeouts.header_read))),
        }
    }

    fn touch(&mut self) {
        let at = Instant::now() + self.timeouts.idle;
        self.idle_deadline.as_mut().reset(at);
    }

    /// Follows the request head through the bytes just read.
    fn saw(&mut self, bytes: &[u8]) {
        if std::mem::take(&mut self.first_read) && bytes.starts_with(b"PRI ") {
            self.phase = Phase::Http2;
            self.head_deadline = None;
            return;
        }
        if self.phase == Phase::BetweenRequests && !bytes.is_empty() {
            self.phase = Phase::Head { matched: 0 };
            self.head_deadline = Some(Box::pin(sleep(self.timeouts.header_read)));
        }
        let Phase::Head { mut matched } = self.phase else {
            return;
        };
        for &b in bytes {
            matched = next_match(matched, b);
            if matched == 4 {
                self.phase = Phase::AfterHead;
                self.head_deadline = None;
                return;
            }
        }
        self.phase = Phase::Head { matched };
    }

    /// Whether a timeout has passed (registering the waker for the next one otherwise).
    fn expired(&mut self, cx: &mut Context<'_>) -> Option<&'static str> {
        if let Some(d) = self.head_deadline.as_mut() {
            if d.as_mut().poll(cx).is_ready() {
                return Some("request head not received in time");
            }
        }
        if self.idle_deadline.as_mut().poll(cx).is_ready() {
            return Some("connection idle");
        }
        None
    }
}

/// Progress in matching `\r\n\r\n` after byte `b`, from `matched` bytes already matched.
fn next_match(matched: u8, b: u8) -> u8 {
    const END: &[u8; 4] = b"\r\n\r\n";
    if END[matched as usize] == b {
        matched + 1
    } else if b == b'\r' {
        1
    } else {
        0
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for GuardedStream<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let new = &buf.filled()[before..];
                if !new.is_empty() {
                    self.touch();
                    self.saw(new);
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match self.expired(cx) {
                Some(why) => Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, why))),
                None => Poll::Pending,
            },
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for GuardedStream<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write(cx, data);
        if let Poll::Ready(Ok(n)) = r {
            if n > 0 {
                self.touch();
                if self.phase == Phase::AfterHead {
                    self.phase = Phase::BetweenRequests;
                }
            }
        }
        r
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if let Poll::Ready(Ok(n)) = r {
            if n > 0 {
                self.touch();
                if self.phase == Phase::AfterHead {
                    self.phase = Phase::BetweenRequests;
                }
            }
        }
        r
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_a_head_is_found_across_reads() {
        let mut m = 0;
        for &b in b"GET / HTTP/1.1\r\nHost: x\r\n\r" {
            m = next_match(m, b);
        }
        assert_eq!(m, 3);
        assert_eq!(next_match(m, b'\n'), 4);
        assert_eq!(next_match(2, b'\r'), 3);
        assert_eq!(next_match(3, b'\r'), 1);
        assert_eq!(next_match(1, b'x'), 0);
    }
}
