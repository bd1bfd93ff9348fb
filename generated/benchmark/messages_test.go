package benchmark_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/generated"
)

// The message benchmarks page through 100 pages of 100 messages of
// docs/api-reference/beta/api/user-list-messages.md (GET /me/messages), chained by
// @odata.nextLink, as a mailbox returns them without $select: every documented default
// property, an @odata.etag on each message, an HTML body of a few hundred bytes with the
// escapes Exchange writes (\r\n, \"), one to three toRecipients, ccRecipients empty two
// times in three, empty bccRecipients and replyTo, isDeliveryReceiptRequested and
// mentionsPreview null, and a flag that is sometimes set with start and due dates.

// handMessage is the hand-written struct of the same documented properties as
// generated.Message, with the same json tags (TestHandMessageMatches checks that), decoded by
// encoding/json: DateTimeOffset as time.Time, Binary as []byte, enums as strings.
type handMessage struct {
	ODataType                  *string                     `json:"@odata.type,omitempty"`
	ID                         *string                     `json:"id,omitempty"`
	Categories                 []string                    `json:"categories,omitzero"`
	ChangeKey                  *string                     `json:"changeKey,omitempty"`
	CreatedDateTime            *time.Time                  `json:"createdDateTime,omitempty"`
	LastModifiedDateTime       *time.Time                  `json:"lastModifiedDateTime,omitempty"`
	BccRecipients              []handRecipient             `json:"bccRecipients,omitzero"`
	Body                       *handItemBody               `json:"body,omitempty"`
	BodyPreview                *string                     `json:"bodyPreview,omitempty"`
	CcRecipients               []handRecipient             `json:"ccRecipients,omitzero"`
	ConversationID             *string                     `json:"conversationId,omitempty"`
	ConversationIndex          []byte                      `json:"conversationIndex,omitempty"`
	Flag                       *handFollowupFlag           `json:"flag,omitempty"`
	From                       *handRecipient              `json:"from,omitempty"`
	HasAttachments             *bool                       `json:"hasAttachments,omitempty"`
	Importance                 *string                     `json:"importance,omitempty"`
	InferenceClassification    *string                     `json:"inferenceClassification,omitempty"`
	InternetMessageHeaders     []handInternetMessageHeader `json:"internetMessageHeaders,omitzero"`
	InternetMessageID          *string                     `json:"internetMessageId,omitempty"`
	IsDeliveryReceiptRequested *bool                       `json:"isDeliveryReceiptRequested,omitempty"`
	IsDraft                    *bool                       `json:"isDraft,omitempty"`
	IsRead                     *bool                       `json:"isRead,omitempty"`
	IsReadReceiptRequested     *bool                       `json:"isReadReceiptRequested,omitempty"`
	MentionsPreview            *handMentionsPreview        `json:"mentionsPreview,omitempty"`
	ParentFolderID             *string                     `json:"parentFolderId,omitempty"`
	ReceivedDateTime           *time.Time                  `json:"receivedDateTime,omitempty"`
	ReplyTo                    []handRecipient             `json:"replyTo,omitzero"`
	Sender                     *handRecipient              `json:"sender,omitempty"`
	SentDateTime               *time.Time                  `json:"sentDateTime,omitempty"`
	Subject                    *string                     `json:"subject,omitempty"`
	ToRecipients               []handRecipient             `json:"toRecipients,omitzero"`
	UniqueBody                 *handItemBody               `json:"uniqueBody,omitempty"`
	UnsubscribeData            []string                    `json:"unsubscribeData,omitzero"`
	UnsubscribeEnabled         *bool                       `json:"unsubscribeEnabled,omitempty"`
	WebLink                    *string                     `json:"webLink,omitempty"`
}

type handRecipient struct {
	ODataType    *string           `json:"@odata.type,omitempty"`
	EmailAddress *handEmailAddress `json:"emailAddress,omitempty"`
}

type handEmailAddress struct {
	ODataType *string `json:"@odata.type,omitempty"`
	Address   *string `json:"address,omitempty"`
	Name      *string `json:"name,omitempty"`
}

type handItemBody struct {
	ODataType   *string `json:"@odata.type,omitempty"`
	Content     *string `json:"content,omitempty"`
	ContentType *string `json:"contentType,omitempty"`
}

type handFollowupFlag struct {
	ODataType         *string               `json:"@odata.type,omitempty"`
	CompletedDateTime *handDateTimeTimeZone `json:"completedDateTime,omitempty"`
	DueDateTime       *handDateTimeTimeZone `json:"dueDateTime,omitempty"`
	FlagStatus        *string               `json:"flagStatus,omitempty"`
	StartDateTime     *handDateTimeTimeZone `json:"startDateTime,omitempty"`
}

type handDateTimeTimeZone struct {
	ODataType *string `json:"@odata.type,omitempty"`
	DateTime  *string `json:"dateTime,omitempty"`
	TimeZone  *string `json:"timeZone,omitempty"`
}

type handInternetMessageHeader struct {
	ODataType *string `json:"@odata.type,omitempty"`
	Name      *string `json:"name,omitempty"`
	Value     *string `json:"value,omitempty"`
}

type handMentionsPreview struct {
	ODataType   *string `json:"@odata.type,omitempty"`
	IsMentioned *bool   `json:"isMentioned,omitempty"`
}

// handMessagePage is a page of messages as the hand-written loop decodes it.
type handMessagePage struct {
	Value    []handMessage `json:"value"`
	NextLink string        `json:"@odata.nextLink,omitempty"`
}

// TestHandMessageMatches checks that the hand-written baseline declares exactly the json
// names generated.Message and the types it nests document.
func TestHandMessageMatches(t *testing.T) {
	tags := func(typ reflect.Type) []string {
		var out []string
		for f := range typ.Fields() {
			if tag := f.Tag.Get("json"); tag != "" && tag != "-" {
				out = append(out, tag)
			}
		}
		return out
	}
	for _, p := range [][2]reflect.Type{
		{reflect.TypeFor[handMessage](), reflect.TypeFor[generated.Message]()},
		{reflect.TypeFor[handRecipient](), reflect.TypeFor[generated.Recipient]()},
		{reflect.TypeFor[handEmailAddress](), reflect.TypeFor[generated.EmailAddress]()},
		{reflect.TypeFor[handItemBody](), reflect.TypeFor[generated.ItemBody]()},
		{reflect.TypeFor[handFollowupFlag](), reflect.TypeFor[generated.FollowupFlag]()},
		{reflect.TypeFor[handDateTimeTimeZone](), reflect.TypeFor[generated.DateTimeTimeZone]()},
		{reflect.TypeFor[handInternetMessageHeader](), reflect.TypeFor[generated.InternetMessageHeader]()},
		{reflect.TypeFor[handMentionsPreview](), reflect.TypeFor[generated.MentionsPreview]()},
	} {
		if got, want := tags(p[0]), tags(p[1]); !slices.Equal(got, want) {
			t.Errorf("%v tags %v,\n%v tags %v", p[0], got, p[1], want)
		}
	}
}

// people are the correspondents messages are from and to.
var people = []struct{ name, address string }{
	{"Adele Vance", "AdeleV@contoso.onmicrosoft.com"},
	{"Alex Wilber", "AlexW@contoso.onmicrosoft.com"},
	{"Diego Siciliani", "DiegoS@contoso.onmicrosoft.com"},
	{"Grady Archie", "GradyA@contoso.onmicrosoft.com"},
	{"Isaiah Langer", "IsaiahL@contoso.onmicrosoft.com"},
	{"Johanna Lorenz", "JohannaL@contoso.onmicrosoft.com"},
	{"Lee Gu", "LeeG@contoso.onmicrosoft.com"},
	{"Megan Bowen", "MeganB@contoso.onmicrosoft.com"},
	{"Nestor Wilke", "NestorW@contoso.onmicrosoft.com"},
	{"Patti Fernandez", "PattiF@contoso.onmicrosoft.com"},
}

func writeRecipient(b *strings.Builder, n int) {
	p := people[n%len(people)]
	fmt.Fprintf(b, `{"emailAddress":{"name":"%s","address":"%s"}}`, p.name, p.address)
}

func writeRecipients(b *strings.Builder, first, count int) {
	b.WriteByte('[')
	for i := range count {
		if i > 0 {
			b.WriteByte(',')
		}
		writeRecipient(b, first+i)
	}
	b.WriteByte(']')
}

// messagePages builds the pages the message server answers with; base is the URL the next
// links point into.
func messagePages(base string) [][]byte {
	pages := make([][]byte, listPages)
	for p := range listPages {
		var b strings.Builder
		b.WriteString(`{"@odata.context":"https://graph.microsoft.com/beta/$metadata#users('48d31887-5fad-4d73-a9f5-3c356e68a038')/messages","value":[`)
		for i := range listPageSize {
			n := p*listPageSize + i
			if i > 0 {
				b.WriteByte(',')
			}
			id := fmt.Sprintf("AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAA%05dAAA=", n)
			ck := fmt.Sprintf("CQAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAA%05d", n)
			day, hour, min := 1+n%28, n%24, n%60
			subject := fmt.Sprintf("Re: Q%d planning, item %d", 1+n%4, n)
			from := n % len(people)
			fmt.Fprintf(&b, `{"@odata.etag":"W/\"%s\"","id":"%s",`+
				`"createdDateTime":"2021-06-%02dT%02d:%02d:11Z","lastModifiedDateTime":"2021-06-%02dT%02d:%02d:14Z","changeKey":"%s",`,
				ck, id, day, hour, min, day, hour, min, ck)
			if n%7 == 0 {
				b.WriteString(`"categories":["Blue category"],`)
			} else {
				b.WriteString(`"categories":[],`)
			}
			fmt.Fprintf(&b, `"receivedDateTime":"2021-06-%02dT%02d:%02d:09Z","sentDateTime":"2021-06-%02dT%02d:%02d:05Z","hasAttachments":%t,`+
				`"internetMessageId":"<MWHPR1101MB2%07d@MWHPR1101MB2174.namprd11.prod.outlook.com>","subject":"%s",`+
				`"bodyPreview":"Hi all,\r\n\r\nHere are the notes for item %d. Please review the budget figures before Thursday and reply with any changes.\r\n\r\nThanks,\r\n%s",`+
				`"importance":"%s","parentFolderId":"AQMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAADIkPFveuwe0ygY4Mfa1RFEQEAIiLKjG2I7E_Xvk_ss6MD0wAAAgEMAAAA",`+
				`"conversationId":"AAQkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAQAOTDfVD%04dyZVrvkY8PQ=","conversationIndex":"AQHXYm%04dAlq3g5XNsUyKq6tL8QAA==",`+
				`"isDeliveryReceiptRequested":null,"isReadReceiptRequested":false,"isRead":%t,"isDraft":false,`+
				`"webLink":"https://outlook.office365.com/owa/?ItemID=%s&exvsurl=1&viewmodel=ReadMessageItem",`+
				`"inferenceClassification":"%s","unsubscribeData":[],"unsubscribeEnabled":false,"mentionsPreview":null,`,
				day, hour, min, day, hour, min, n%5 == 0, n, subject, n, people[from].name,
				[]string{"normal", "normal", "high", "normal", "low"}[n%5], n%10000, n%10000, n%3 != 0,
				strings.ReplaceAll(id, "=", "%3D"), []string{"focused", "other"}[n%2])
			fmt.Fprintf(&b, `"body":{"contentType":"html","content":"<html><head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n</head>`+
				`<body><div dir=\"ltr\"><p>Hi all,</p><p>Here are the notes for item %d. Please review the <b>budget figures</b> before Thursday and reply with any changes.</p>`+
				`<ul><li>Travel: flat on last quarter</li><li>Hardware: two laptops to replace</li><li>Training: see the attached plan</li></ul>`+
				`<p>Thanks,<br>%s</p></div></body></html>"},`, n, people[from].name)
			b.WriteString(`"sender":`)
			writeRecipient(&b, from)
			b.WriteString(`,"from":`)
			writeRecipient(&b, from)
			b.WriteString(`,"toRecipients":`)
			writeRecipients(&b, from+1, 1+n%3)
			b.WriteString(`,"ccRecipients":`)
			if n%3 == 0 {
				writeRecipients(&b, from+4, 1+n%2)
			} else {
				b.WriteString(`[]`)
			}
			b.WriteString(`,"bccRecipients":[],"replyTo":[]`)
			if n%11 == 0 {
				fmt.Fprintf(&b, `,"flag":{"flagStatus":"flagged","startDateTime":{"dateTime":"2021-06-%02dT00:00:00.0000000","timeZone":"UTC"},"dueDateTime":{"dateTime":"2021-07-%02dT00:00:00.0000000","timeZone":"UTC"}}`, day, day)
			} else {
				b.WriteString(`,"flag":{"flagStatus":"notFlagged"}`)
			}
			b.WriteByte('}')
		}
		b.WriteByte(']')
		if p+1 < listPages {
			fmt.Fprintf(&b, `,"@odata.nextLink":"%s/me/messages?$skip=%d"`, base, (p+1)*listPageSize)
		}
		b.WriteByte('}')
		pages[p] = []byte(b.String())
	}
	return pages
}

// newMessageFixture serves the message pages; it returns the fixture and the base URL.
func newMessageFixture(tb testing.TB) (*fixture, string) {
	tb.Helper()
	f := newFixture(tb)
	mux := http.NewServeMux()
	srv := httptest.NewUnstartedServer(mux)
	base := "http://" + srv.Listener.Addr().String() + "/beta"
	pages := messagePages(base)
	mux.HandleFunc("/beta/me/messages", func(w http.ResponseWriter, r *http.Request) {
		skip, _ := strconv.Atoi(r.URL.Query().Get("$skip"))
		p := skip / listPageSize
		if skip%listPageSize != 0 || p < 0 || p >= len(pages) {
			http.Error(w, `{"error":{"code":"BadRequest","message":"no such page"}}`, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(pages[p])
	})
	srv.Start()
	tb.Cleanup(srv.Close)
	f.gen = generated.NewClient(generated.WithBaseURL(base), generated.WithHTTPClient(f.hc), generated.WithUserAgent(userAgent))
	return f, base
}

// genListMessages lists every message through the generated client's iterator.
func genListMessages(ctx context.Context, c *generated.Client) (int, error) {
	n := 0
	for m, err := range c.ListMeMessages(ctx, nil) {
		if err != nil {
			return n, err
		}
		if m.ID == nil || m.From == nil {
			return n, fmt.Errorf("message %d has no id or sender", n)
		}
		n++
	}
	return n, nil
}

// handListMessages lists every message as a careful Go developer would without the
// generator.
func handListMessages(ctx context.Context, hc *http.Client, base string) (int, error) {
	n := 0
	for link := base + "/me/messages"; link != ""; {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
		if err != nil {
			return n, err
		}
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", userAgent)
		resp, err := hc.Do(req)
		if err != nil {
			return n, err
		}
		var p handMessagePage
		err = json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if err != nil {
			return n, err
		}
		for _, m := range p.Value {
			if m.ID == nil || m.From == nil {
				return n, fmt.Errorf("message %d has no id or sender", n)
			}
			n++
		}
		link = p.NextLink
	}
	return n, nil
}

// messageBench returns the benchmark of one way of listing all messages.
func messageBench(f *fixture, base string, gen bool) func(*testing.B) {
	return func(b *testing.B) {
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			var n int
			var err error
			if gen {
				n, err = genListMessages(ctx, f.gen)
			} else {
				n, err = handListMessages(ctx, f.hc, base)
			}
			if err != nil || n != listPages*listPageSize {
				b.Fatal(n, err)
			}
		}
	}
}

func BenchmarkListMessagesGenerated(b *testing.B) {
	f, base := newMessageFixture(b)
	messageBench(f, base, true)(b)
}

func BenchmarkListMessagesHandWritten(b *testing.B) {
	f, base := newMessageFixture(b)
	messageBench(f, base, false)(b)
}

// The DecodeMessagePage benchmarks leave HTTP out: one page of 100 messages, decoded as each
// list loop decodes it.

func BenchmarkDecodeMessagePageGenerated(b *testing.B) {
	body := messagePages("https://graph.microsoft.com/beta")[0]
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var p generated.Page[generated.Message]
		if err := p.UnmarshalJSON(body); err != nil || len(p.Value) != listPageSize {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeMessagePageHandWritten(b *testing.B) {
	body := messagePages("https://graph.microsoft.com/beta")[0]
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var p handMessagePage
		if err := json.NewDecoder(bytes.NewReader(body)).Decode(&p); err != nil || len(p.Value) != listPageSize {
			b.Fatal(err)
		}
	}
}

// TestListMessagesSame checks that both list loops see every message, and that the
// generated client decodes each message of a page to the same values as the hand-written
// struct: the generated message, encoded again and decoded into the hand-written struct,
// equals the hand-written decoding of the page. Documented nulls stay null, and the
// @odata.etag annotation is kept.
func TestListMessagesSame(t *testing.T) {
	f, base := newMessageFixture(t)
	ctx := context.Background()
	if n, err := handListMessages(ctx, f.hc, base); err != nil || n != listPages*listPageSize {
		t.Fatalf("handListMessages = %d, %v", n, err)
	}
	if n, err := genListMessages(ctx, f.gen); err != nil || n != listPages*listPageSize {
		t.Fatalf("genListMessages = %d, %v", n, err)
	}
	body := messagePages(base)[0]
	var hp handMessagePage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&hp); err != nil {
		t.Fatal(err)
	}
	gp, err := f.gen.ListMeMessagesPage(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(gp.Value) != len(hp.Value) {
		t.Fatalf("generated page has %d messages, hand-written %d", len(gp.Value), len(hp.Value))
	}
	for i, m := range gp.Value {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var again handMessage
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("message %d encodes as %s: %v", i, b, err)
		}
		if !reflect.DeepEqual(again, hp.Value[i]) {
			t.Errorf("message %d: generated %s,\nhand-written %+v", i, b, hp.Value[i])
		}
		for _, want := range []string{`"isDeliveryReceiptRequested":null`, `"mentionsPreview":null`, `"@odata.etag":`, `"ccRecipients":[`} {
			if !strings.Contains(string(b), want) {
				t.Errorf("message %d encodes as %s, without %s", i, b, want)
			}
		}
	}
	if m := gp.Value[0]; m.Body == nil || m.Body.Content == nil || len(*m.Body.Content) < 300 || m.ConversationIndex == nil {
		t.Errorf("message 0 has body %+v, conversationIndex %v", m.Body, m.ConversationIndex)
	}
	if len(hp.Value[0].ConversationIndex) == 0 || hp.Value[0].ReceivedDateTime == nil {
		t.Errorf("hand-written message 0 has conversationIndex %v, receivedDateTime %v", hp.Value[0].ConversationIndex, hp.Value[0].ReceivedDateTime)
	}
	// The page has no property the hand-written structs lack.
	strict := json.NewDecoder(bytes.NewReader(bytes.ReplaceAll(body, []byte(`"@odata.etag"`), []byte(`"@odata.type"`))))
	strict.DisallowUnknownFields()
	var sp struct {
		Context  string        `json:"@odata.context"`
		Value    []handMessage `json:"value"`
		NextLink string        `json:"@odata.nextLink"`
	}
	if err := strict.Decode(&sp); err != nil {
		t.Errorf("the hand-written structs miss a property: %v", err)
	}
}

// reportMessages runs the message list benchmarks in alternating rounds and prints their
// medians and the ratio the goal is stated in, for TestDecodeReport.
func reportMessages(t *testing.T, rounds int) {
	f, base := newMessageFixture(t)
	gen := messageBench(f, base, true)
	hand := messageBench(f, base, false)
	rs := runRounds(rounds, gen, hand)
	gs, hs := rs[0], rs[1]
	var ratios []float64
	for i := range gs {
		ratios = append(ratios, float64(gs[i].NsPerOp())/float64(hs[i].NsPerOp()))
	}
	slices.Sort(ratios)
	ns := func(r testing.BenchmarkResult) float64 { return float64(r.NsPerOp()) }
	bytesOp := func(r testing.BenchmarkResult) float64 { return float64(r.AllocedBytesPerOp()) }
	allocs := func(r testing.BenchmarkResult) float64 { return float64(r.AllocsPerOp()) }
	page := len(messagePages(base)[0])
	t.Logf("list %d messages (%d pages of %.0f KB) against a local httptest server, medians of %d rounds, the order turning each round:",
		listPages*listPageSize, listPages, float64(page)/1024, rounds)
	t.Logf("%-24s %10s %10s %10s", "", "ms", "MB", "k allocs")
	for _, row := range []struct {
		name string
		rs   []testing.BenchmarkResult
	}{{"messages, generated", gs}, {"messages, hand-written", hs}} {
		t.Logf("%-24s %10.1f %10.1f %10.1f", row.name, median(row.rs, ns)/1e6, median(row.rs, bytesOp)/1e6, median(row.rs, allocs)/1e3)
	}
	t.Logf("messages, generated / hand-written: time %.2f×, allocs %.2f×, bytes %.2f× (goal ≤ 1.3×); time ratio per round: min %.2f, max %.2f",
		median(gs, ns)/median(hs, ns), median(gs, allocs)/median(hs, allocs), median(gs, bytesOp)/median(hs, bytesOp), ratios[0], ratios[len(ratios)-1])
}
