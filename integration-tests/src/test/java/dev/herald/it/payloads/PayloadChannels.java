package dev.herald.it.payloads;

import dev.herald.annotation.Channel;
import dev.herald.it.payloads.Payloads.Bean;
import dev.herald.it.payloads.Payloads.Item;
import dev.herald.it.payloads.Payloads.Money;
import dev.herald.it.payloads.Payloads.Shape;
import dev.herald.it.payloads.Payloads.Status;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One channel per payload rule the processor accepts. */
public interface PayloadChannels {

    /** @param v a record */
    @Channel("p:record")
    void record(Item v);

    /** @param v an enum */
    @Channel("p:enum")
    void enumValue(Status v);

    /** @param v a class with a creator */
    @Channel("p:creator")
    void creator(Money v);

    /** @param v a bean */
    @Channel("p:bean")
    void bean(Bean v);

    /** @param v a polymorphic interface */
    @Channel("p:shape")
    void shape(Shape v);

    /** @param v a list of records */
    @Channel("p:list")
    void list(List<Item> v);

    /** @param v a set of enums */
    @Channel("p:set")
    void set(Set<Status> v);

    /** @param v a map of records */
    @Channel("p:map")
    void map(Map<String, Item> v);

    /** @param v a map with enum keys */
    @Channel("p:enum-map")
    void enumMap(Map<Status, List<Item>> v);

    /** @param v an optional */
    @Channel("p:optional")
    void optional(Optional<Item> v);

    /** @param v an instant */
    @Channel("p:instant")
    void instant(Instant v);

    /** @param v a date */
    @Channel("p:date")
    void date(LocalDate v);

    /** @param v a zoned time */
    @Channel("p:zoned")
    void zoned(ZonedDateTime v);

    /** @param v a duration */
    @Channel("p:duration")
    void duration(Duration v);

    /** @param v a UUID */
    @Channel("p:uuid")
    void uuid(UUID v);

    /** @param v a decimal */
    @Channel("p:decimal")
    void decimal(BigDecimal v);

    /** @param v a primitive */
    @Channel("p:int")
    void primitive(int v);

    /** @param v a string */
    @Channel("p:string")
    void string(String v);

    /** @param v bytes */
    @Channel("p:bytes")
    void bytes(byte[] v);
}
