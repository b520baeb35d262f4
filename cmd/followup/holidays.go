package main

import (
	"fmt"

	"followup"
	"followup/lang"
	"followup/workday"
)

// holidaysCmd lists a year's public holidays, for checking a plan by eye.
type holidaysCmd struct {
	Year int `arg:"" help:"The year, from 1900 to 2200."`
}

func (c *holidaysCmd) Run(m *Main) error {
	if c.Year < workday.MinYear || c.Year > workday.MaxYear {
		return followup.Errorf(followup.EINVALID, "year %d is out of range: give a year from %d to %d",
			c.Year, workday.MinYear, workday.MaxYear)
	}
	for _, h := range workday.Holidays(c.Year) {
		fmt.Fprintf(m.Stdout, "%s %s %s\n", h.Date.Format("2006-01-02"),
			lang.Norwegian.Weekday(h.Date.Weekday()), h.Name)
	}
	return nil
}
