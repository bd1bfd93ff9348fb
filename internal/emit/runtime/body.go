package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
)

// body is a request's body, sent again for each attempt when it is replayable.
type body struct {
	contentType string
	data        []byte // a JSON body, or a *bytes.Buffer's content: read afresh per attempt
	hasData     bool
	// at reads a seekable raw body in sections, one per attempt, from start, size long.
	at          io.ReaderAt
	start, size int64
	// seeker is a seekable raw body that cannot read at offsets: it is rewound per attempt,
	// and an earlier attempt's reader reads nothing more.
	seeker *seekState
	// once is a raw body that is read once: its request is not retried.
	once io.Reader
}

// newBody encodes r's JSON body into b, or sizes up its raw body.
func newBody(r Request, b *body) error {
	*b = body{contentType: r.ContentType}
	if v := reflect.ValueOf(r.Content); r.Content != nil && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Map ||
		v.Kind() == reflect.Slice || v.Kind() == reflect.Func || v.Kind() == reflect.Chan) && v.IsNil() {
		return fmt.Errorf("graph: %s %s: the request's Content is a nil %T", r.Method, r.Path, r.Content)
	}
	switch raw := r.Content.(type) {
	case nil:
		if r.Body == nil {
			return nil
		}
		data, err := json.Marshal(r.Body)
		if err != nil {
			return fmt.Errorf("graph: encoding the %s %s request body: %w", r.Method, r.Path, err)
		}
		if string(data) == "null" {
			// A body that encodes as null (a type no page documents, its Raw left empty; a
			// nil map) is no body: Graph reads no request as null.
			return nil
		}
		b.data, b.hasData, b.contentType = data, true, "application/json"
		return nil
	case *bytes.Buffer:
		b.data, b.hasData = raw.Bytes(), true
	case io.ReadSeeker:
		start, err := raw.Seek(0, io.SeekCurrent)
		var end int64
		if err == nil {
			end, err = raw.Seek(0, io.SeekEnd)
		}
		if err == nil {
			_, err = raw.Seek(start, io.SeekStart)
		}
		switch ra, isAt := raw.(io.ReaderAt); {
		case err != nil:
			b.once = raw
		case isAt:
			b.at, b.start, b.size = ra, start, end-start
		default:
			b.seeker, b.start, b.size = &seekState{s: raw}, start, end-start
		}
	default:
		b.once = raw
	}
	if b.contentType == "" {
		b.contentType = "application/octet-stream"
	}
	return nil
}

// empty reports whether there is no body to send.
func (b *body) empty() bool {
	return !b.hasData && b.at == nil && b.seeker == nil && b.once == nil
}

// replayable reports whether the body can be sent again.
func (b *body) replayable() bool { return b.once == nil }

// open returns the body's content for one attempt, and its length (-1: unknown). The
// caller's reader is never closed.
func (b *body) open(ctx context.Context) (io.ReadCloser, int64, error) {
	switch {
	case b.hasData:
		if len(b.data) == 0 {
			return http.NoBody, 0, nil
		}
		rd := &dataReader{}
		rd.Reset(b.data)
		return rd, int64(len(b.data)), nil
	case b.at != nil:
		if b.size == 0 {
			return http.NoBody, 0, nil
		}
		return io.NopCloser(io.NewSectionReader(b.at, b.start, b.size)), b.size, nil
	case b.seeker != nil:
		// The transport may still hold the attempt before, unclosed: it reads nothing more.
		st := b.seeker
		st.mu.Lock()
		defer st.mu.Unlock()
		st.gen++
		if _, err := st.s.Seek(b.start, io.SeekStart); err != nil {
			return nil, 0, fmt.Errorf("graph: rewinding the request body: %w", err)
		}
		return &seekAttempt{st: st, gen: st.gen, left: b.size}, b.size, nil
	default:
		return io.NopCloser(b.once), -1, nil
	}
}

// dataReader is an attempt's reader of a JSON or *bytes.Buffer body: one allocation where
// io.NopCloser(bytes.NewReader(data)) makes two.
type dataReader struct{ bytes.Reader }

// Close does nothing: the data is the client's.
func (*dataReader) Close() error { return nil }
