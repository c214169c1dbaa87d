"""Pure writers: a lifter's history as Backbone CSV or Strong-style CSV, a program as iCalendar,
and the shape of the JSON backup. They take plain typed rows and a text stream; the service
layer reads the database and chooses where the text goes."""
