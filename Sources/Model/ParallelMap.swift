import Dispatch

/// Maps `items` on every core and returns the results in the input's order, so parallel work stays
/// deterministic. The transform must not touch shared mutable state.
public func parallelMap<Input: Sendable, Output: Sendable>(
    _ items: [Input], _ transform: @Sendable (Input) -> Output
) -> [Output] {
    let count = items.count
    if count < 2 { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<Output?>.allocate(capacity: count)
    buffer.initialize(repeating: nil)
    defer {
        // The results were copied out below; without this their strings would never be freed.
        buffer.deinitialize()
        buffer.deallocate()
    }
    nonisolated(unsafe) let results = buffer
    items.withUnsafeBufferPointer { inputs in
        nonisolated(unsafe) let inputs = inputs
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results[index] = transform(inputs[index])
        }
    }
    return buffer.map { $0! }
}
