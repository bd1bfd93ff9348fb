package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"path"
	"reflect"
	"strings"
)

// Page is one page of a collection: the items and, when there are more, the link to the
// next page (see NextPage).
type Page[T any] struct {
	// Value holds the items of this page.
	Value []T `json:"value"`
	// NextLink is the URL of the next page; empty on the last page.
	NextLink string `json:"@odata.nextLink,omitempty"`
	// DeltaLink, on the last page of a delta function's answer, is the URL that asks for
	// the changes made since.
	DeltaLink string `json:"@odata.deltaLink,omitempty"`
	// Count is the size of the whole collection, when $count=true asked for it.
	Count *int64 `json:"@odata.count,omitempty"`

	// header holds the extra headers of the request this page answers, which the request
	// for the next page sends again.
	header http.Header
	// response, when not nil, receives the next page's status and headers.
	response *Response
	// buf, when not nil, is the buffer the iterator that fetches the page (List,
	// ListDelta, DeltaSync) reads each of its pages into: one buffer for all the pages of
	// one iteration, since a page's items keep no reference to the bytes they were decoded
	// from. A page the caller gets (GetPage, NextPage) has none.
	buf *[]byte
}

// pageBuffer is a page with a read buffer of its own (see Page.buf).
type pageBuffer interface{ readBuffer() *[]byte }

// readBuffer is p's read buffer; nil for none.
func (p *Page[T]) readBuffer() *[]byte { return p.buf }

// NextPage fetches the page after p, sending the headers of the request that p answers
// again (ConsistencyLevel, say); it returns nil and no error when p is the last page. A
// next link to another scheme or host than the client's base URL is refused, since
// following it would send the client's credentials there.
func NextPage[T any](ctx context.Context, c *Client, p *Page[T]) (*Page[T], error) {
	if p == nil || p.NextLink == "" {
		return nil, nil
	}
	next := &Page[T]{buf: p.buf}
	if err := c.fetch(ctx, Request{Method: http.MethodGet, Header: p.header, Response: p.response}, p.NextLink, next); err != nil {
		return nil, err
	}
	next.header, next.response = p.header, p.response
	return next, nil
}

// GetPage sends r and decodes one page of a collection; NextPage fetches the next.
func GetPage[T any](ctx context.Context, c *Client, r Request) (*Page[T], error) {
	return getPage[T](ctx, c, r, nil)
}

// getPage is GetPage, reading the page into *buf (see Page.buf) when buf is not nil.
func getPage[T any](ctx context.Context, c *Client, r Request, buf *[]byte) (*Page[T], error) {
	p := &Page[T]{buf: buf}
	if err := c.Do(ctx, r, p); err != nil {
		return nil, err
	}
	p.header, p.response = canonicalHeader(r.Header), r.Response
	return p, nil
}

// List yields every item of the collection r asks for, following the next links. A page
// is fetched when the consumer reaches it, and none after the consumer stops; an error
// is yielded once, last.
func List[T any](ctx context.Context, c *Client, r Request) iter.Seq2[T, error] {
	return ListDelta[T](ctx, c, r, nil)
}

// ListSent is List for a request that is not a GET, an action that answers a collection
// (a drive item's invite): r is sent once, when ListSent is called, so that the call is
// made whether or not its answer is ranged over, and ranging again yields the first page
// kept from then without sending r again (the next links, GETs, are followed anew).
func ListSent[T any](ctx context.Context, c *Client, r Request) iter.Seq2[T, error] {
	if c.collect != nil {
		return func(yield func(T, error) bool) {
			var zero T
			yield(zero, errNotBatchable)
		}
	}
	p, err := getPage[T](ctx, c, r, nil)
	return func(yield func(T, error) bool) {
		yieldPages(ctx, c, p, err, nil, false, yield)
	}
}

// ListDelta is List for a delta function's answer: once every item is yielded, the last
// page's @odata.deltaLink (the URL that asks for the changes made since) is stored in
// *deltaLink, when deltaLink is not nil. Pass it to NextPage's Page, or to Client.Do, later.
func ListDelta[T any](ctx context.Context, c *Client, r Request, deltaLink *string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		if c.collect != nil {
			var zero T
			yield(zero, errNotBatchable)
			return
		}
		p, err := getPage[T](ctx, c, r, new([]byte))
		yieldPages(ctx, c, p, err, deltaLink, false, yield)
	}
}

// yieldPages yields the items of p (or err) and of the pages after it, following the next
// links; a link followed before is an error, as the pages would never end. Once the last
// page is yielded its @odata.deltaLink is stored in *deltaLink when deltaLink is not nil;
// with needDelta, a last page without one is an error instead.
func yieldPages[T any](ctx context.Context, c *Client, p *Page[T], err error, deltaLink *string, needDelta bool, yield func(T, error) bool) {
	seen := map[string]bool{} // next links followed: a cycle would never end
	for {
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		for _, v := range p.Value {
			if !yield(v, nil) {
				return
			}
		}
		if p.NextLink == "" {
			if needDelta && p.DeltaLink == "" {
				var zero T
				yield(zero, errors.New("graph: the delta answer's last page has no @odata.deltaLink"))
				return
			}
			if deltaLink != nil {
				*deltaLink = p.DeltaLink
			}
			return
		}
		seen[p.NextLink] = true
		p, err = NextPage(ctx, c, p)
		if err == nil && seen[p.NextLink] {
			err = fmt.Errorf("graph: the next link %s was followed before: the pages form a cycle", p.NextLink)
		}
	}
}

// UnmarshalJSON decodes a page in one pass: each element of value straight into T with
// T's own UnmarshalJSON (a model's one-pass decoder), the next and delta links and the
// count; other instance annotations (@odata.context) are skipped. A page with any other
// member, or a T without UnmarshalJSON, is decoded by encoding/json, as before. The
// header is kept.
//
// No byte is checked twice: the page's own members and punctuation are checked as they
// are read, and each element by T's UnmarshalJSON when it is one of this client's (a
// model's or an Edm type's, which check every byte they read, see ObjectDecoder.span);
// any other T's elements are checked with json.Valid first, since encoding/json would
// refuse the whole page before calling it.
func (p *Page[T]) UnmarshalJSON(b []byte) error {
	header, buf := p.header, p.buf
	*p = Page[T]{header: header, buf: buf}
	if _, ok := any(new(T)).(json.Unmarshaler); ok {
		checks := checksEveryByte(reflect.TypeFor[T]())
		ok, sawValue := decodePage(b, &p.NextLink, &p.DeltaLink, &p.Count, func(v []byte) bool {
			if !checks && !json.Valid(v) {
				return false
			}
			p.Value = append(p.Value, *new(T))
			return any(&p.Value[len(p.Value)-1]).(json.Unmarshaler).UnmarshalJSON(v) == nil
		})
		if ok {
			if sawValue && p.Value == nil {
				p.Value = []T{}
			}
			return nil
		}
	}
	*p = Page[T]{header: header, buf: buf}
	type plain Page[T]
	return json.Unmarshal(b, (*plain)(p))
}

// checksEveryByte reports whether t's UnmarshalJSON (t or the type t points to) is this
// client's own: declared in a package of the tree this runtime is internal to (the
// generated models, the Edm types here), which only the generated code can import it
// from. Those decoders check every byte they read and fail on anything encoding/json
// would refuse; others (json.RawMessage's copies its input) are not called on unchecked
// bytes.
func checksEveryByte(t reflect.Type) bool {
	own := reflect.TypeFor[Client]().PkgPath() // .../internal/graphrt, or the client's own package
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pkg := t.PkgPath()
	if pkg == own {
		return true
	}
	root, ok := strings.CutSuffix(own, "/internal/"+path.Base(own))
	return ok && (pkg == root || strings.HasPrefix(pkg, root+"/"))
}

// decodePage reads the page b on the fast path, passing each element of
// value to elem, which reports whether it decoded; ok is false when the page cannot be
// read exactly as encoding/json would, sawValue whether it has a value member. It is not
// generic, so that each Page[T] adds little to the build.
func decodePage(b []byte, next, delta *string, count **int64, elem func([]byte) bool) (ok, sawValue bool) {
	d := NewObjectDecoder(b)
	seen := 0
	for d.Next() {
		switch string(d.Name()) {
		case "value":
			if seen&1 != 0 {
				return false, false
			}
			seen |= 1
			if d.i >= len(d.b) || d.b[d.i] != '[' {
				return false, false
			}
			d.i++
			d.elems = 0
			for v := d.Element(); v != nil; v = d.Element() {
				if !elem(v) {
					return false, false
				}
			}
		case "@odata.nextLink":
			if seen&2 != 0 {
				return false, false
			}
			seen |= 2
			if s, ok := d.str(); ok {
				*next = string(s)
			}
		case "@odata.deltaLink":
			if seen&4 != 0 {
				return false, false
			}
			seen |= 4
			if s, ok := d.str(); ok {
				*delta = string(s)
			}
		case "@odata.count":
			if seen&8 != 0 {
				return false, false
			}
			seen |= 8
			DecodeInt(&d, 0, "@odata.count", count)
		default:
			name := d.Name()
			if !bytes.Contains(name, []byte("@odata.")) || bytes.EqualFold(name, []byte("@odata.nextLink")) ||
				bytes.EqualFold(name, []byte("@odata.deltaLink")) || bytes.EqualFold(name, []byte("@odata.count")) {
				return false, false // a name encoding/json would fold into a field, or another member
			}
			d.value()
		}
	}
	return !d.Failed(), seen&1 != 0
}
