package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// Removed is a delta item's @removed annotation: the item was deleted (Reason "deleted")
// or no longer belongs to the tracked set (Reason "changed").
type Removed struct {
	// Reason is why the item is gone: deleted, changed.
	Reason string `json:"reason"`
}

// DeltaItem is one item of a delta function's answer: the item as the service sent it
// and, when it was removed since the last round, Removed (Item then holds little more
// than its id).
type DeltaItem[T any] struct {
	// Item is the item, decoded as T.
	Item T
	// Removed, when not nil, says the item was removed.
	Removed *Removed
}

// UnmarshalJSON decodes the item as T, and its @removed annotation when it has one. A
// drive item marks its deletion with a deleted facet instead ("deleted": {"state":
// "deleted"}): an object there is Removed with Reason "deleted" too.
func (d *DeltaItem[T]) UnmarshalJSON(b []byte) error {
	*d = DeltaItem[T]{}
	if err := json.Unmarshal(b, &d.Item); err != nil {
		return err
	}
	if !bytes.Contains(b, []byte(`"@removed"`)) && !bytes.Contains(b, []byte(`"deleted"`)) {
		return nil
	}
	var ann struct {
		Removed *Removed        `json:"@removed"`
		Deleted json.RawMessage `json:"deleted"`
	}
	if err := json.Unmarshal(b, &ann); err != nil {
		return err
	}
	d.Removed = ann.Removed
	if d.Removed == nil && bytes.HasPrefix(bytes.TrimSpace(ann.Deleted), []byte("{")) {
		d.Removed = &Removed{Reason: "deleted"}
	}
	return nil
}

// MarshalJSON encodes the item (without the annotation).
func (d DeltaItem[T]) MarshalJSON() ([]byte, error) { return json.Marshal(d.Item) }

// DeltaSync yields every item of a delta function's answer, following the next links,
// as List does. deltaLink is the round's state: when it is not nil and *deltaLink is not
// empty, the round resumes from that saved @odata.deltaLink (which holds the query r
// had in the round that made it; r's path and query are then not sent, its headers are),
// asking only for the changes made since; once every item is yielded, *deltaLink is
// replaced with the new @odata.deltaLink, to save for the next round. A link to another
// scheme, host or port than the client's base URL is refused. A round whose last page
// has no deltaLink is an error, and leaves *deltaLink as it was.
func DeltaSync[T any](ctx context.Context, c *Client, r Request, deltaLink *string) iter.Seq2[DeltaItem[T], error] {
	return func(yield func(DeltaItem[T], error) bool) {
		if c.collect != nil {
			yield(DeltaItem[T]{}, errNotBatchable)
			return
		}
		var p *Page[DeltaItem[T]]
		var err error
		buf := new([]byte) // one read buffer for every page (see Page.buf)
		if deltaLink != nil && *deltaLink != "" {
			p = &Page[DeltaItem[T]]{buf: buf}
			err = c.fetch(ctx, Request{Method: http.MethodGet, Header: r.Header, Response: r.Response}, *deltaLink, p)
			p.header, p.response = canonicalHeader(r.Header), r.Response
		} else {
			p, err = getPage[DeltaItem[T]](ctx, c, r, buf)
		}
		yieldPages(ctx, c, p, err, deltaLink, true, yield)
	}
}
