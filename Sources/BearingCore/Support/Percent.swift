/// Shares and progress as whole percentages: 0.426 → "43%". Rounded half up, the same everywhere.
public enum Percent {
    public static func whole(_ share: Double) -> Int {
        Int((share * 100).rounded(.toNearestOrAwayFromZero))
    }

    public static func format(_ share: Double) -> String {
        "\(whole(share))%"
    }
}
