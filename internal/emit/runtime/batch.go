package graphrt

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxBatchSize is how many requests one POST /$batch may carry, as Graph documents.
const MaxBatchSize = 20

// Batch collects requests made through the generated methods of its Client and sends
// them as JSON batches (POST /$batch):
//
//	b := graph.NewBatch(c)
//	user, _ := b.Client().GetUser(ctx, "ann", nil) // collected, not sent; user is filled by Send
//	u := b.Last()
//	_, _ = b.Client().ListUserMessagesPage(ctx, "ann", nil)
//	b.Last().After(u)                              // dependsOn
//	err := b.Send(ctx)                             // then u.Err, user, ...
//
// A method's result (a *T, a *Page[T]) is returned at once, empty, and filled in by Send
// when its member succeeds; the member's BatchItem says how it went. A method whose
// result is a copy made before Send (a primitive value, an iterator, a Monitor, a
// stream, a count) cannot be batched: calling it through the batch's Client collects
// nothing and returns an error (or yields one).
//
// Send sends at most MaxBatchSize requests per POST /$batch, splitting a larger batch
// into several, each dependsOn chain in one of them (a chain longer than MaxBatchSize is
// refused). Members the service throttles (429) are sent again, in a new batch, after
// the longest Retry-After among them, as the client's RetryPolicy allows.
type Batch struct {
	c      *Client
	client *Client
	items  []*BatchItem
}

// BatchItem is one collected request and, after Send, its outcome.
type BatchItem struct {
	// ID is the member's id in the batch: "1", "2", ... in the order of collection.
	ID string
	// Err is the member's error after Send: nil on success, an *Error for a status
	// other than 2xx (424 Failed Dependency when one it depends on failed).
	Err error
	// Response is the member's status and headers after Send.
	Response Response

	req       Request
	link      string
	out       any
	dependsOn []*BatchItem
	done      bool
}

// NewBatch returns an empty batch whose requests go through c.
func NewBatch(c *Client) *Batch {
	b := &Batch{c: c}
	cc := *c
	cc.collect = b
	b.client = &cc
	return b
}

// Client is c as the batch sees it: each call of a generated method through it (or of
// Do) is collected, not sent.
func (b *Batch) Client() *Client { return b.client }

// Items are the collected requests in order.
func (b *Batch) Items() []*BatchItem { return b.items }

// Last is the last request collected; nil before the first.
func (b *Batch) Last() *BatchItem {
	if len(b.items) == 0 {
		return nil
	}
	return b.items[len(b.items)-1]
}

// After makes the service run it only after each of others has succeeded (dependsOn).
func (it *BatchItem) After(others ...*BatchItem) *BatchItem {
	it.dependsOn = append(it.dependsOn, others...)
	return it
}

// valueEnvelope is *ValueOf[T], whose value a method returns before Send.
type valueEnvelope interface{ valueEnvelope() }

func (*ValueOf[T]) valueEnvelope() {}

// errNotBatchable is what a call that cannot be collected returns.
var errNotBatchable = errors.New("graph: this call cannot be batched: its result is made before the batch is sent (a stream, a count, a value, an iterator, a monitor)")

// add collects r (sent to link when not empty), its result decoded into out.
func (b *Batch) add(r Request, link string, out any) error {
	if r.Content != nil {
		return errors.New("graph: an upload cannot be batched")
	}
	switch out.(type) {
	case valueEnvelope, *json.RawMessage:
		// The method returns a copy of it before Send could fill it in.
		return errNotBatchable
	}
	b.items = append(b.items, &BatchItem{ID: strconv.Itoa(len(b.items) + 1), req: r, link: link, out: out})
	return nil
}

type batchRequest struct {
	ID        string            `json:"id"`
	Method    string            `json:"method"`
	URL       string            `json:"url"`
	Headers   map[string]string `json:"headers,omitempty"`
	Body      json.RawMessage   `json:"body,omitempty"`
	DependsOn []string          `json:"dependsOn,omitempty"`
}

type batchResponse struct {
	ID      string            `json:"id"`
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
}

// groups splits items into batches of at most MaxBatchSize, each dependsOn chain whole,
// in the order of collection.
func groups(items []*BatchItem) ([][]*BatchItem, error) {
	parent := map[*BatchItem]*BatchItem{}
	var find func(*BatchItem) *BatchItem
	find = func(x *BatchItem) *BatchItem {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		parent[x] = x
		return x
	}
	in := map[*BatchItem]bool{}
	for _, it := range items {
		in[it] = true
	}
	for _, it := range items {
		for _, d := range it.dependsOn {
			if in[d] {
				parent[find(it)] = find(d)
			}
		}
	}
	var order []*BatchItem
	members := map[*BatchItem][]*BatchItem{}
	for _, it := range items {
		r := find(it)
		if _, ok := members[r]; !ok {
			order = append(order, r)
		}
		members[r] = append(members[r], it)
	}
	var out [][]*BatchItem
	var cur []*BatchItem
	for _, r := range order {
		m := members[r]
		if len(m) > MaxBatchSize {
			return nil, fmt.Errorf("graph: requests %s..%s form one dependsOn chain of %d, more than the %d a batch may carry", m[0].ID, m[len(m)-1].ID, len(m), MaxBatchSize)
		}
		if len(cur)+len(m) > MaxBatchSize {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, m...)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	pos := map[*BatchItem]int{}
	for i, it := range items {
		pos[it] = i
	}
	for _, g := range out {
		slices.SortFunc(g, func(a, b *BatchItem) int { return pos[a] - pos[b] }) // in the order of collection
	}
	return out, nil
}

// Send sends the collected requests, and sets each item's Err and Response and fills
// its method's result. It returns an error when the batch itself could not be sent or
// read (each member's failure is its item's Err), and stops when ctx is done.
func (b *Batch) Send(ctx context.Context) error {
	c := b.c
	pending := b.items
	start := c.now()
	for attempt := 1; ; attempt++ {
		gs, err := groups(pending)
		if err != nil {
			return err
		}
		var retry []*BatchItem
		var wait time.Duration
		for _, g := range gs {
			throttled, after, err := b.sendOne(ctx, g)
			if err != nil {
				return err
			}
			retry = append(retry, throttled...)
			wait = max(wait, after)
		}
		if len(retry) == 0 {
			return nil
		}
		if attempt >= max(c.retry.MaxAttempts, 1) || c.now().Sub(start)+wait > c.retry.MaxElapsed {
			return nil // the throttled members keep their 429 *Error
		}
		if wait <= 0 {
			wait = c.backoff(attempt - 1)
		}
		if err := c.sleep(ctx, wait); err != nil {
			return err
		}
		pending = retry
	}
}

// sendOne sends one POST /$batch of g, and returns the members to send again
// (throttled ones, and those that failed only because one of them did) with the longest
// Retry-After among them.
func (b *Batch) sendOne(ctx context.Context, g []*BatchItem) ([]*BatchItem, time.Duration, error) {
	c := b.c
	inBatch := map[*BatchItem]bool{}
	for _, it := range g {
		inBatch[it] = true
	}
	reqs := make([]batchRequest, 0, len(g))
	for _, it := range g {
		br := batchRequest{ID: it.ID, Method: it.req.Method}
		if br.Method == "" {
			br.Method = http.MethodGet
		}
		u, err := b.relativeURL(it)
		if err != nil {
			return nil, 0, err
		}
		br.URL = u
		for k, v := range canonicalHeader(it.req.Header) {
			if br.Headers == nil {
				br.Headers = map[string]string{}
			}
			br.Headers[k] = strings.Join(v, ", ")
		}
		if it.req.Body != nil {
			raw, err := json.Marshal(it.req.Body)
			if err != nil {
				return nil, 0, fmt.Errorf("graph: encoding the body of batch request %s: %w", it.ID, err)
			}
			br.Body = raw
			if br.Headers == nil {
				br.Headers = map[string]string{}
			}
			br.Headers["Content-Type"] = "application/json"
		}
		for _, d := range it.dependsOn {
			if inBatch[d] {
				br.DependsOn = append(br.DependsOn, d.ID) // one sent before and done: satisfied
			} else if !d.done || d.Err != nil {
				return nil, 0, fmt.Errorf("graph: batch request %s depends on %s, which is not in its batch", it.ID, d.ID)
			}
		}
		reqs = append(reqs, br)
	}
	var out struct {
		Responses []batchResponse `json:"responses"`
	}
	if err := c.fetch(ctx, Request{Method: http.MethodPost, Path: "/$batch", Body: map[string]any{"requests": reqs}}, "", &out); err != nil {
		return nil, 0, err
	}
	byID := map[string]*BatchItem{}
	for _, it := range g {
		byID[it.ID] = it
	}
	answered := map[*BatchItem]bool{}
	for _, r := range out.Responses {
		it := byID[r.ID]
		if it == nil || answered[it] {
			return nil, 0, fmt.Errorf("graph: the batch answered for request %q, which it was not sent or answered twice", r.ID)
		}
		answered[it] = true
		b.settle(it, r)
	}
	for _, it := range g {
		if !answered[it] {
			return nil, 0, fmt.Errorf("graph: the batch did not answer request %s", it.ID)
		}
	}
	// Throttled members go again, and with them those that failed only because one of
	// them (transitively) did.
	again := map[*BatchItem]bool{}
	var wait time.Duration
	for _, it := range g {
		var e *Error
		if errors.As(it.Err, &e) && e.StatusCode == http.StatusTooManyRequests {
			again[it] = true
			wait = max(wait, e.RetryAfter)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, it := range g {
			var e *Error
			if again[it] || !errors.As(it.Err, &e) || e.StatusCode != http.StatusFailedDependency {
				continue
			}
			for _, d := range it.dependsOn {
				if again[d] {
					again[it], changed = true, true
					break
				}
			}
		}
	}
	var retry []*BatchItem
	for _, it := range g {
		if again[it] {
			retry = append(retry, it)
		}
	}
	return retry, wait, nil
}

// relativeURL is the member's URL relative to the version root, as $batch wants it.
func (b *Batch) relativeURL(it *BatchItem) (string, error) {
	if it.link == "" {
		if err := checkPath(it.req.Method, it.req.Path); err != nil {
			return "", err
		}
		u := it.req.Path
		if len(it.req.Query) > 0 {
			u += "?" + encodeQuery(it.req.Query)
		}
		return u, nil
	}
	full, err := b.c.target(it.req, it.link)
	if err != nil {
		return "", err
	}
	if rest, ok := strings.CutPrefix(full, b.c.baseURL); ok && strings.HasPrefix(rest, "/") {
		return rest, nil
	}
	return "", fmt.Errorf("graph: batch request %s: its link is not under the base URL", it.ID)
}

// settle records a member's answer in it.
func (b *Batch) settle(it *BatchItem, r batchResponse) {
	it.done = true
	h := http.Header{}
	for k, v := range r.Headers {
		h.Set(k, v)
	}
	it.Response = Response{StatusCode: r.Status, Header: h}
	if it.req.Response != nil {
		*it.req.Response = it.Response
	}
	body := bytes.TrimSpace(r.Body)
	if r.Status < 200 || r.Status > 299 {
		if len(body) > 0 && body[0] == '"' {
			var s string
			if json.Unmarshal(body, &s) == nil {
				if dec, err := base64.StdEncoding.DecodeString(s); err == nil {
					body = dec
				}
			}
		}
		e, _ := newError(&http.Response{StatusCode: r.Status, Header: h, Body: io.NopCloser(bytes.NewReader(body))}, b.c.now())
		it.Err = e
		return
	}
	it.Err = nil
	if it.out == nil || len(body) == 0 || string(body) == "null" {
		return
	}
	var err error
	if u, ok := it.out.(json.Unmarshaler); ok {
		err = u.UnmarshalJSON(body)
	} else {
		err = json.Unmarshal(body, it.out)
	}
	if err != nil {
		it.Err = fmt.Errorf("graph: decoding batch response %s: %w", it.ID, err)
	}
}
