#if Hummingbird
import HummingbirdTesting
#endif
