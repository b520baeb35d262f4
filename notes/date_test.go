package notes

import (
	"testing"
	"time"

	"followup"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2002-01-10", day(2002, 1, 10), true},
		{"10.01.2002", day(2002, 1, 10), true},
		{"1.2.2002", day(2002, 2, 1), true},
		{" 2002-01-10 ", day(2002, 1, 10), true},
		{"2000-02-29", day(2000, 2, 29), true},
		{"29.02.2004", day(2004, 2, 29), true},
		{"2002-02-30", time.Time{}, false},
		{"2001-02-29", time.Time{}, false},
		{"31.04.2002", time.Time{}, false},
		{"2002-13-01", time.Time{}, false},
		{"2002-00-10", time.Time{}, false},
		{"0000-01-01", time.Time{}, false},
		{"2002-1-10", time.Time{}, false},
		{"10/01/2002", time.Time{}, false},
		{"10.01.02", time.Time{}, false},
		{"+2002-01-10", time.Time{}, false},
		{"2002-+1-10", time.Time{}, false},
		{"2002-01-10T10:00:00Z", time.Time{}, false},
		{"", time.Time{}, false},
		{"10. jan. 2002", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("got error %v, want ok %v", err, tt.ok)
			}
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if err != nil && followup.ErrorCode(err) != followup.EINVALID {
				t.Errorf("got code %q, want %q", followup.ErrorCode(err), followup.EINVALID)
			}
		})
	}
}
