package followup

import (
	"errors"
	"fmt"
)

// Error codes. Each edge of the program maps them once: the CLI to an exit
// status, the web server to an HTTP status.
const (
	EINVALID  = "invalid"   // the input cannot be used as given
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the change clashes with what is stored
	EINTERNAL = "internal"  // a fault of ours or of a part we depend on
)

// Error is the one error type of followup. Message is a sentence a person
// can act on: it names the field and the fix. Err keeps the cause, if any,
// for logs.
type Error struct {
	Code    string
	Message string
	Err     error
}

// Error returns the message for people, followed by the cause when there is one.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an [Error] with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first [Error] in err's chain,
// [EINTERNAL] for any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first [Error] in err's chain. Other
// errors are faults of ours, so people get a plain sentence instead of them.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error: please report it with the command that caused it"
}
