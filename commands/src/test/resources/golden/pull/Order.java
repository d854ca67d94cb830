package com.example.db;

import dev.dbsync.annotations.Column;
import dev.dbsync.annotations.Id;
import dev.dbsync.annotations.Identity;
import dev.dbsync.annotations.Table;
import java.math.BigDecimal;

/**
 * Table {@code public.Order}. Pulled from the database by dbsync.
 */
@Table("Order")
public record Order(
    @Id @Identity(start = 1000, increment = 10, maxValue = 1000000, cache = 20, cycle = true) @Column("OrderId") int orderId,
    @Column(value = "Total", type = "numeric(10,2)") @Nullable BigDecimal total) {
}
