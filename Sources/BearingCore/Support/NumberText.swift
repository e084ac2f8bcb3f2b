/// Shares and progress as whole percentages: 0.426 → "43%". Rounded half up, the same everywhere.
public enum Percent {
    public static func whole(_ share: Double) -> Int {
        Int((share * 100).rounded(.toNearestOrAwayFromZero))
    }

    public static func format(_ share: Double) -> String {
        "\(whole(share))%"
    }
}

/// Numbers as people write them: whole ones without a fraction (`12`, not `12.0`), others in
/// the shortest form that reads back the same (`0.45`).
public enum Plain {
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
