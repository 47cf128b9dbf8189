import Foundation
import Testing
@testable import PolicyCore
