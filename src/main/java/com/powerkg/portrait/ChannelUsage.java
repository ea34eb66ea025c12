package com.powerkg.portrait;

import java.time.LocalDateTime;

public record ChannelUsage(String channel, String nameZh, long payments, LocalDateTime lastUsedAt) {
}
