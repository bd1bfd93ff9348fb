package graphrt

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// patternReader yields n bytes of a fixed pattern, and only through Read: a plain
// io.Reader, neither a ReaderAt nor a Seeker.
type patternReader struct{ off, n int64 }

func (r *patternReader) Read(p []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), r.n-r.off)]
	for i := range p {
		x := r.off + int64(i)
		p[i] = byte(x*7 + x>>10)
	}
	r.off += int64(len(p))
	return len(p), nil
}

// sessionServer is an upload session: PUT fragments with Content-Range, GET for
// nextExpectedRanges. It keeps a running hash, never the bytes. failAt5xx: the fragment
// starting at that offset is answered 503 once, unread; lostAt: the fragment starting
// there is stored but answered 500, so that its retry is answered 416.
type sessionServer struct {
	mu        sync.Mutex
	size      int64
	next      int64
	h         hash.Hash
	failAt5xx int64
	lostAt    int64
	log       []string
	peak      uint64
	auth      int
	srv       *httptest.Server
}

func (s *sessionServer) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.peak = max(s.peak, m.HeapAlloc)
}

func newSessionServer(t *testing.T, size int64) *sessionServer {
	s := &sessionServer{size: size, h: sha256.New(), failAt5xx: -1, lostAt: -1}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if r.Header.Get("Authorization") != "" {
			s.auth++
		}
		if r.Method == "GET" {
			s.log = append(s.log, "GET")
			fmt.Fprintf(w, `{"expirationDateTime":"2030-01-01T00:00:00Z","nextExpectedRanges":["%d-"]}`, s.next)
			return
		}
		var start, end, total int64
		if _, err := fmt.Sscanf(r.Header.Get("Content-Range"), "bytes %d-%d/%d", &start, &end, &total); err != nil || total != s.size || r.ContentLength != end-start+1 {
			http.Error(w, `{"error":{"code":"invalidRange"}}`, 400)
			return
		}
		s.log = append(s.log, fmt.Sprintf("PUT %d", start/(320<<10)))
		s.sample()
		if start == s.failAt5xx {
			s.failAt5xx = -1
			w.Header().Set("Retry-After", "2")
			http.Error(w, `{"error":{"code":"serviceNotAvailable"}}`, 503)
			return
		}
		if start != s.next {
			http.Error(w, `{"error":{"code":"invalidRange","message":"expected `+strconv.FormatInt(s.next, 10)+`"}}`, 416)
			return
		}
		if (end-start+1)%(320<<10) != 0 && end != s.size-1 {
			http.Error(w, `{"error":{"code":"badFragment"}}`, 400)
			return
		}
		n, _ := io.Copy(s.h, r.Body)
		s.next += n
		if start == s.lostAt {
			s.lostAt = -1
			http.Error(w, `{"error":{"code":"generalException"}}`, 500)
			return
		}
		if s.next == s.size {
			w.WriteHeader(201)
			fmt.Fprintf(w, `{"id":"01FILE","size":%d}`, s.size)
			return
		}
		w.WriteHeader(202)
		fmt.Fprintf(w, `{"expirationDateTime":"2030-01-01T00:00:00Z","nextExpectedRanges":["%d-"]}`, s.next)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func TestUpload50MiB(t *testing.T) {
	const size = 50 << 20
	s := newSessionServer(t, size)
	frag := int64(DefaultUploadFragmentSize)
	s.failAt5xx = 5 * frag
	s.lostAt = 9 * frag
	c := NewClient(WithBaseURL(s.srv.URL+"/v1.0"), WithToken("secret"))
	var waits []time.Duration
	c.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	want := sha256.New()
	_, _ = io.Copy(want, &patternReader{n: size})
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var progress []int64
	var item struct {
		ID   string `json:"id"`
		Size int64  `json:"size"`
	}
	err := Upload(context.Background(), c, s.srv.URL+"/upload/session-1?tempauth=tok", &patternReader{n: size}, size, &item,
		&UploadOptions{Progress: func(done, total int64) { progress = append(progress, done) }})
	if err != nil {
		t.Fatal(err)
	}
	s.sample()
	if item.ID != "01FILE" || item.Size != size {
		t.Errorf("item %+v", item)
	}
	if !bytes.Equal(s.h.Sum(nil), want.Sum(nil)) || s.next != size {
		t.Errorf("the session holds %d bytes, hash differs: %t", s.next, !bytes.Equal(s.h.Sum(nil), want.Sum(nil)))
	}
	if s.auth != 0 {
		t.Errorf("%d requests to the session carried the token", s.auth)
	}
	log := strings.Join(s.log, ",")
	if !strings.Contains(log, "PUT 50,PUT 50,PUT 60") || !strings.Contains(log, "PUT 90,PUT 90,GET,PUT 100") {
		t.Errorf("requests %s", log)
	}
	if len(waits) != 2 || waits[0] != 2*time.Second {
		t.Errorf("waits %v", waits)
	}
	if len(progress) == 0 || progress[len(progress)-1] != size {
		t.Errorf("progress %v", progress)
	}
	mib := float64(s.peak-min(s.peak, before.HeapAlloc)) / (1 << 20)
	t.Logf("50 MiB uploaded in %d-byte fragments: peak heap %.2f MiB above the start (%.2f MiB in all), %d requests",
		frag, mib, float64(s.peak)/(1<<20), len(s.log))
	if mib >= 10 {
		t.Errorf("peak heap %.2f MiB above the start, want under 10", mib)
	}
}

// TestUploadResume: a new process resumes from the saved session URL, reading the
// content where the session asks (an io.ReaderAt).
func TestUploadResume(t *testing.T) {
	const size = 2*UploadFragmentUnit + 1000
	s := newSessionServer(t, size)
	data := make([]byte, size)
	_, _ = io.ReadFull(&patternReader{n: size}, data)
	_, _ = s.h.Write(data[:UploadFragmentUnit])
	s.next = UploadFragmentUnit // the first process got this far
	c := NewClient(WithBaseURL(s.srv.URL + "/v1.0"))
	err := Upload(context.Background(), c, s.srv.URL+"/upload/s2", bytes.NewReader(data), size, nil,
		&UploadOptions{FragmentSize: UploadFragmentUnit, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.log, ","); got != "GET,PUT 1,PUT 2" {
		t.Errorf("requests %s", got)
	}
	want := sha256.Sum256(data)
	if !bytes.Equal(s.h.Sum(nil), want[:]) {
		t.Error("hash differs")
	}
}

func TestUploadRefusals(t *testing.T) {
	c := NewClient()
	for _, o := range []*UploadOptions{{FragmentSize: 1000}, {FragmentSize: 60 << 20}} {
		if err := Upload(context.Background(), c, "https://x.test/u", &patternReader{n: 10}, 10, nil, o); err == nil || !strings.Contains(err.Error(), "320 KiB") {
			t.Errorf("%d: %v", o.FragmentSize, err)
		}
	}
	// A plain reader cannot go back.
	s := newSessionServer(t, 3*UploadFragmentUnit)
	s.next = 0
	src := &fragmentSource{r: &patternReader{n: 3 * UploadFragmentUnit}, buf: make([]byte, 0, UploadFragmentUnit)}
	if _, err := src.read(UploadFragmentUnit, UploadFragmentUnit); err != nil {
		t.Fatal(err)
	}
	if _, err := src.read(0, UploadFragmentUnit); err == nil || !strings.Contains(err.Error(), "io.ReaderAt") {
		t.Errorf("going back: %v", err)
	}
}
