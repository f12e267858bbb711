package dev.herald.contract;

/**
 * The payload of the durable contract's channels.
 *
 * @param id which parcel
 * @param weight any number
 */
public record Parcel(String id, int weight) {

    static Parcel of(int n) {
        return new Parcel("p-" + n, n);
    }
}
