// A steward's script whose second statement has a syntax error: the first must not survive either.
CREATE (:BrokenScriptMarker {note: 'must be rolled back'});
MATCH (t:Channel {code: 'WECHAT'}) SET t.nameEn = 'Weixin' RETURN t.nameEn AS;
