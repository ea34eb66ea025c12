// The graph model as a picture: one node per label, one arrow per relationship type.
CALL db.schema.visualization();
