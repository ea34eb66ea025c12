package com.powerkg.portrait;

import java.time.LocalDate;
import java.util.List;

public record CustomerTag(String code, String nameZh, List<String> evidence, String explanation, LocalDate asOf,
		String run) {
}
