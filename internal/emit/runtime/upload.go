package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// UploadFragmentUnit is the unit upload-session fragments come in: each fragment but
// the last is a multiple of 320 KiB, as Graph documents.
const UploadFragmentUnit = 320 << 10

// DefaultUploadFragmentSize is the fragment size Upload uses unless told otherwise: 10
// units, 3.125 MiB, which is also about all the memory an upload holds.
const DefaultUploadFragmentSize = 10 * UploadFragmentUnit

// UploadOptions tune Upload; nil takes the defaults.
type UploadOptions struct {
	// FragmentSize is the size of each fragment, a multiple of UploadFragmentUnit below
	// 60 MiB; DefaultUploadFragmentSize when 0. One fragment is held in memory at a time.
	FragmentSize int
	// Progress, when not nil, is called after each fragment the service accepted, with
	// the bytes it holds so far and the size.
	Progress func(uploaded, size int64)
	// Resume asks the session where to start (its nextExpectedRanges) instead of starting
	// at byte 0: for a session URL saved by an upload that stopped, say in another process.
	// The content must then be an io.ReaderAt, or an io.Reader positioned at byte 0.
	Resume bool
}

// uploadStatus is an uploadSession as its URL answers: what the service still expects.
type uploadStatus struct {
	NextExpectedRanges []string `json:"nextExpectedRanges"`
}

// Upload sends size bytes of content to an upload session (the uploadUrl a generated
// createUploadSession method returns, or one saved from an earlier upload), in fragments
// of opts.FragmentSize, and decodes the resource the last fragment's answer carries (a
// driveItem, an attachment's ID, ...) into out when out is not nil.
//
// The fragments go to the session URL as they are, without the client's token: Graph
// documents that the URL carries its own authorization, and that sending an
// Authorization header to it can fail the upload. (The client's http.Client is used, so
// its transport still runs: BearerTransport adds the token only for Graph hosts.)
//
// A fragment that fails with a network error, 429 or 5xx is sent again after its
// Retry-After or the client's backoff, as the RetryPolicy allows; on 404 or 416 (the
// service already has it, or lost the session's state) the session is asked for its
// nextExpectedRanges and the upload goes on from there. content that is an io.ReaderAt
// is read where the session asks; any other io.Reader is read once, in order, so the
// session may then only ask for bytes at or after the current fragment.
func Upload(ctx context.Context, c *Client, uploadURL string, content io.Reader, size int64, out any, opts *UploadOptions) error {
	if opts == nil {
		opts = &UploadOptions{}
	}
	frag := opts.FragmentSize
	if frag == 0 {
		frag = DefaultUploadFragmentSize
	}
	if frag < 0 || frag%UploadFragmentUnit != 0 || frag >= 60<<20 {
		return fmt.Errorf("graph: upload fragment size %d is not a multiple of 320 KiB below 60 MiB", frag)
	}
	if size <= 0 {
		return errors.New("graph: an upload session needs a positive size")
	}
	if content == nil {
		return errors.New("graph: no content to upload")
	}
	src := &fragmentSource{r: content, buf: make([]byte, 0, min(int64(frag), size))}
	src.at, _ = content.(io.ReaderAt)
	var off int64
	if opts.Resume {
		next, err := c.uploadNext(ctx, uploadURL, size)
		if err != nil {
			return err
		}
		off = next
	}
	failures := 0
	for {
		n := min(int64(frag), size-off)
		b, err := src.read(off, n)
		if err != nil {
			return fmt.Errorf("graph: reading the content at %d: %w", off, err)
		}
		resp, err := c.putFragment(ctx, uploadURL, b, off, size)
		var status int
		if err == nil {
			status = resp.StatusCode
		}
		switch {
		case err == nil && (status == http.StatusOK || status == http.StatusCreated):
			defer resp.Body.Close()
			if opts.Progress != nil {
				opts.Progress(size, size)
			}
			body, err := readLimited(resp.Body, resp.ContentLength, c.maxResponse, nil)
			if err != nil {
				return fmt.Errorf("graph: reading the upload's answer: %w", err)
			}
			if out == nil || len(bytes.TrimSpace(body)) == 0 {
				return nil
			}
			if u, ok := out.(json.Unmarshaler); ok {
				return u.UnmarshalJSON(body)
			}
			return json.Unmarshal(body, out)
		case err == nil && status == http.StatusAccepted:
			var st uploadStatus
			body, rerr := readLimited(resp.Body, resp.ContentLength, maxErrorBody, nil)
			resp.Body.Close()
			next := off + n
			if rerr == nil && json.Unmarshal(body, &st) == nil && len(st.NextExpectedRanges) > 0 {
				if v, ok := rangeStart(st.NextExpectedRanges[0]); ok {
					next = v
				}
			}
			off, failures = next, 0
			if opts.Progress != nil {
				opts.Progress(off, size)
			}
			if off >= size {
				return errors.New("graph: the upload session accepted every byte but answered 202, not the resource")
			}
			continue
		case err == nil && (status == http.StatusNotFound || status == http.StatusRequestedRangeNotSatisfiable):
			e, _ := newError(resp, c.now())
			resp.Body.Close()
			failures++
			if failures >= max(c.retry.MaxAttempts, 1) {
				return e
			}
			next, serr := c.uploadNext(ctx, uploadURL, size)
			if serr != nil {
				return fmt.Errorf("%w (asking the session where to resume: %w)", e, serr)
			}
			off = next
			continue
		}
		// A network error, 429 or 5xx: the same fragment again, after a wait.
		var last error = err
		wait := c.backoff(failures)
		if err == nil {
			e, hasAfter := newError(resp, c.now())
			resp.Body.Close()
			last = e
			if status != http.StatusTooManyRequests && status < 500 {
				return e
			}
			if hasAfter {
				wait = e.RetryAfter
			}
		}
		failures++
		if failures >= max(c.retry.MaxAttempts, 1) || ctx.Err() != nil {
			return fmt.Errorf("graph: uploading bytes %d-%d: %w", off, off+n-1, last)
		}
		if err := c.sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// putFragment sends one fragment, with no credentials of the client's own.
func (c *Client) putFragment(ctx context.Context, uploadURL string, b []byte, off, size int64) (*http.Response, error) {
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout) // released when the body is closed
		resp, err := c.sendFragment(ctx, uploadURL, b, off, size)
		if err != nil {
			cancel()
			return nil, err
		}
		resp.Body = &attemptBody{rc: resp.Body, parent: ctx, ctx: ctx, cancel: cancel}
		return resp, nil
	}
	return c.sendFragment(ctx, uploadURL, b, off, size)
}

func (c *Client) sendFragment(ctx context.Context, uploadURL string, b []byte, off, size int64) (*http.Response, error) {
	body := &fragmentBody{b: b}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, uploadURL, body)
	if err != nil {
		return nil, errors.New("graph: the upload URL is not a URL") // it carries a token: not echoed
	}
	req.ContentLength = int64(len(b))
	req.Header.Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", off, off+int64(len(b))-1, size))
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.sender.Do(req)
	// The transport may still be reading the body (a server that answered before reading
	// it): from here on it reads nothing more, so that the buffer can hold the next
	// fragment.
	body.detach()
	if err != nil {
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) {
			err = ue.Unwrap() // the url.Error's text holds the URL and its token
		}
		return nil, err
	}
	return resp, nil
}

// uploadNext asks the session which byte it expects next.
func (c *Client) uploadNext(ctx context.Context, uploadURL string, size int64) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uploadURL, nil)
	if err != nil {
		return 0, errors.New("graph: the upload URL is not a URL")
	}
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.sender.Do(req)
	if err != nil {
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) {
			err = ue.Unwrap()
		}
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		e, _ := newError(resp, c.now())
		return 0, e
	}
	body, err := readLimited(resp.Body, resp.ContentLength, maxErrorBody, nil)
	if err != nil {
		return 0, err
	}
	var st uploadStatus
	if err := json.Unmarshal(body, &st); err != nil {
		return 0, fmt.Errorf("graph: reading the upload session's status: %w", err)
	}
	if len(st.NextExpectedRanges) == 0 {
		return size, errors.New("graph: the upload session expects no more bytes")
	}
	v, ok := rangeStart(st.NextExpectedRanges[0])
	if !ok || v < 0 || v >= size {
		return 0, fmt.Errorf("graph: the upload session expects the range %q, outside the content", st.NextExpectedRanges[0])
	}
	return v, nil
}

// rangeStart reads the start of a nextExpectedRanges entry: "26-" or "26-1023".
func rangeStart(r string) (int64, bool) {
	s, _, _ := strings.Cut(strings.TrimSpace(r), "-")
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

// fragmentSource reads fragments of the content into one buffer: at will from an
// io.ReaderAt, in order from any other io.Reader (keeping the last fragment read, so
// that it can be sent again).
type fragmentSource struct {
	r     io.Reader
	at    io.ReaderAt
	buf   []byte
	start int64 // the offset buf holds, for an io.Reader
	pos   int64 // how far the io.Reader has been read
}

// read returns the n bytes at off, valid until the next call.
func (s *fragmentSource) read(off, n int64) ([]byte, error) {
	if s.at != nil {
		s.buf = s.buf[:n]
		k, err := s.at.ReadAt(s.buf, off)
		if int64(k) == n {
			return s.buf, nil
		}
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if off >= s.start && off+n <= s.pos {
		return s.buf[off-s.start : off-s.start+n], nil
	}
	if off < s.start {
		return nil, fmt.Errorf("the session asks for byte %d again, which a plain io.Reader cannot give back (pass an io.ReaderAt)", off)
	}
	kept := 0
	if off < s.pos {
		// Keep what the buffer holds of [off, off+n), then read the rest.
		kept = copy(s.buf[:cap(s.buf)], s.buf[off-s.start:])
	} else if off > s.pos {
		if _, err := io.CopyN(io.Discard, s.r, off-s.pos); err != nil {
			return nil, err
		}
	}
	s.buf = s.buf[:n]
	if _, err := io.ReadFull(s.r, s.buf[kept:]); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	s.start, s.pos = off, off+n
	return s.buf, nil
}

// fragmentBody is a fragment as a request body that stops giving bytes once detached.
type fragmentBody struct {
	mu   sync.Mutex
	b    []byte
	off  int
	done bool
}

func (f *fragmentBody) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done {
		return 0, errSuperseded
	}
	if f.off >= len(f.b) {
		return 0, io.EOF
	}
	n := copy(p, f.b[f.off:])
	f.off += n
	return n, nil
}

func (f *fragmentBody) detach() {
	f.mu.Lock()
	f.done = true
	f.mu.Unlock()
}
